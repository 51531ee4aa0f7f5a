package se.placera.shared.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import se.placera.shared.InputLimits;
import se.placera.shared.PlaceraException;

/**
 * Refuses request bodies larger than {@link InputLimits} with 413 problem details before they are read
 * (issue #11, item 5): a declared {@code Content-Length} over the limit is refused at once, before
 * authentication; a body streamed without a length is counted while it is read and refused at the first byte
 * past the limit. JSON, text and form bodies may be {@link InputLimits#JSON_BODY_BYTES}; other (binary)
 * bodies — the Excel import, unit documents — {@link InputLimits#UPLOAD_BODY_BYTES}; the endpoints check
 * their own, smaller file limits while streaming.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeFilter extends OncePerRequestFilter {

    static final String CODE = "REQUEST_TOO_LARGE";

    private final JsonMapper mapper;

    RequestSizeFilter(JsonMapper mapper) {
        this.mapper = mapper;
    }

    static long limitFor(String contentType) {
        if (contentType == null) {
            return InputLimits.JSON_BODY_BYTES;
        }
        String t = contentType.toLowerCase(java.util.Locale.ROOT);
        boolean textual = t.startsWith("application/json") || t.contains("+json") || t.startsWith("text/")
                || t.startsWith("application/x-www-form-urlencoded") || t.startsWith("application/xml");
        return textual ? InputLimits.JSON_BODY_BYTES : InputLimits.UPLOAD_BODY_BYTES;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(response, limit);
            return;
        }
        try {
            chain.doFilter(new Bounded(request, limit), response);
        } catch (ServletException | RuntimeException e) {
            if (tooLarge(e) && !response.isCommitted()) {
                response.reset();
                refuse(response, limit);
                return;
            }
            throw e;
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PlaceraException p && p.kind() == PlaceraException.Kind.TOO_LARGE) {
                return true;
            }
        }
        return false;
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        // The unread body is not drained beyond Tomcat's max-swallow-size; the connection is closed instead.
        response.setHeader("Connection", "close");
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(mapper.writeValueAsBytes(ProblemDetailsAdvice.body(
                HttpStatus.CONTENT_TOO_LARGE, CODE, message(limit), List.of())));
    }

    static String message(long limit) {
        return "The request body is larger than " + InputLimits.describe(limit) + ".";
    }

    /** The request with a body that counts what is read and fails past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void add(long n) {
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw InputLimits.tooLarge(CODE, message(limit));
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            add(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            add(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
