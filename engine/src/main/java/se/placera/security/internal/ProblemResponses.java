package se.placera.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 as RFC 9457 problem details with a stable {@code code}, never a login redirect. The
 * {@code WWW-Authenticate: Basic} challenge goes only to API clients that sent Basic credentials, never to
 * the browser app (so no browser password popup).
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final boolean basicChallenge;

    public ProblemResponses(boolean basicChallenge) {
        this.basicChallenge = basicChallenge;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        if (basicChallenge && !fromBrowserApp(request)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Placera\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in to use this resource.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException e) throws IOException {
        if (e instanceof CsrfException) {
            write(response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
                    "The request lacks a valid CSRF token: send the XSRF-TOKEN cookie's value in X-XSRF-TOKEN.");
        } else {
            write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "You do not have permission for this.");
        }
    }

    static boolean fromBrowserApp(HttpServletRequest request) {
        return "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))
                || request.getHeader("Sec-Fetch-Mode") != null;
    }

    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String type = "https://placera.se/problems/" + code.toLowerCase().replace('_', '-');
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\"", "'")
                + "\",\"code\":\"" + code + "\"}");
    }
}
