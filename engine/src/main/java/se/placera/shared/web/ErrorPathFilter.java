package se.placera.shared.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /error} is where the servlet container forwards failures; asked for directly it has no failure to
 * render and Spring Boot answered 500. A direct request (not an error dispatch) is a 404 problem instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ErrorPathFilter extends OncePerRequestFilter {

    private final JsonMapper mapper;

    ErrorPathFilter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/error") || path.startsWith("/error/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(ProblemDetailsAdvice.body(HttpStatus.NOT_FOUND,
                "HTTP_NOT_FOUND", "There is nothing at this address.", List.of())));
    }
}
