package se.placera.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import se.placera.shared.Audited;
import se.placera.shared.PlaceraException;
import se.placera.shared.Problem;

/**
 * Renders every error as RFC 9457 problem details with a stable {@code code} and, for invalid input, an
 * {@code errors} array of {@code {pointer, code, detail}}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final String TYPE_BASE = "https://placera.se/problems/";

    private final ApplicationEventPublisher events;

    ProblemDetailsAdvice(ApplicationEventPublisher events) {
        this.events = events;
    }

    @ExceptionHandler(PlaceraException.class)
    ResponseEntity<ProblemDetail> domain(PlaceraException e, HttpServletRequest request) {
        if (e.kind() == PlaceraException.Kind.FORBIDDEN) {
            // A refused attempt is audited (PA-11); the audit module bounds the path.
            events.publishEvent(new Audited("access.denied", "request", request.getRequestURI(), null, "denied",
                    Map.of("code", e.code(), "method", request.getMethod())));
        }
        HttpStatus status = statusOf(e);
        ProblemDetail body = body(status, e.code(), e.getMessage(), e.problems());
        e.properties().forEach(body::setProperty);
        return ResponseEntity.status(status).body(body);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentUpdate(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "CONCURRENT_UPDATE",
                "Someone else changed this record at the same time. Reload and try again.", List.of());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return problem(HttpStatus.CONFLICT, "DUPLICATE", "The record already exists.", List.of());
    }

    /**
     * A body that is not JSON of the expected shape. The problem points at the field ({@code /units/3/name})
     * with a stable code; its text is ours, never Jackson's (which names Java classes and may quote input).
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PlaceraException domain = JsonProblems.domainCause(ex);
        if (domain != null) {
            return ResponseEntity.status(statusOf(domain)).body(body(statusOf(domain), domain.code(),
                    domain.getMessage(), domain.problems()));
        }
        var body = body(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request body is not valid JSON of the expected shape.", List.of(JsonProblems.of(ex)));
        return ResponseEntity.badRequest().body(body);
    }

    /** Bean Validation on a {@code @Valid} request body: one problem per field, with a JSON pointer. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Problem> problems = new java.util.ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(f -> problems.add(new Problem(
                JsonProblems.pointerOfField(f.getField()), JsonProblems.constraintCode(f.getCode()),
                JsonProblems.constraintDetail(f.getCode(), f.getArguments(), f.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors().forEach(g -> problems.add(new Problem("",
                JsonProblems.constraintCode(g.getCode()), String.valueOf(g.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(body(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
                "The request has invalid fields.", problems));
    }

    /** Multipart uploads over {@code spring.servlet.multipart.*}: 413 like every other too-large body. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body(HttpStatus.CONTENT_TOO_LARGE,
                RequestSizeFilter.CODE, "The uploaded file is larger than allowed.", List.of()));
    }

    private static HttpStatus statusOf(PlaceraException e) {
        return switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case PRECONDITION_REQUIRED -> HttpStatus.PRECONDITION_REQUIRED;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    /** Spring's own errors (405, 415, 404 for unknown paths, type mismatches…) get a stable code too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail pd
                && (pd.getProperties() == null || !pd.getProperties().containsKey("code"))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            pd.setProperty("code", status == null ? "HTTP_" + statusCode.value() : "HTTP_" + status.name());
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail,
            List<Problem> problems) {
        return ResponseEntity.status(status).body(body(status, code, detail, problems));
    }

    static ProblemDetail body(HttpStatus status, String code, String detail, List<Problem> problems) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        pd.setTitle(status.getReasonPhrase());
        pd.setProperty("code", code);
        if (!problems.isEmpty()) {
            pd.setProperty("errors", problems.stream()
                    .map(p -> p.params().isEmpty()
                            ? Map.of("pointer", p.pointer(), "code", p.code(), "detail", p.detail())
                            : Map.of("pointer", p.pointer(), "code", p.code(), "detail", p.detail(), "params", p.params()))
                    .toList());
        }
        return pd;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e;
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "An unexpected error occurred. It has been logged.", List.of());
    }
}
