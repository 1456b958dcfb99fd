package org.medhub.hub.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.canonical.validation.Violation;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds on what an operator's request may hold, checked before a controller reads it: a body of the operations
 * API within {@code medhub.api.max-body-size} (partners' bodies have their own limit, {@code medhub.inbound}), and
 * query parameters without control characters (PostgreSQL refuses NUL, and the others have no business in a filter).
 */
@Component
class ApiInputLimits extends OncePerRequestFilter {

    static final String INBOUND = "/api/inbound/";

    private final long maxBodyBytes;

    ApiInputLimits(MedhubProperties properties) {
        this.maxBodyBytes = properties.api().maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Violation> badParameter = controlCharacterInQuery(request.getQueryString());
        if (badParameter.isPresent()) {
            write(response, Problems.withViolations(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter",
                    "Invalid parameter", badParameter.get().message()), java.util.List.of(badParameter.get())));
            return;
        }
        if (request.getRequestURI().startsWith(INBOUND)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBodyBytes) {
            write(response, Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                    tooLarge()));
            return;
        }
        chain.doFilter(new BoundedRequest(request, maxBodyBytes, tooLarge()), response);
    }

    private String tooLarge() {
        return "the body is larger than the limit of " + maxBodyBytes + " bytes (medhub.api.max-body-size)";
    }

    static Optional<Violation> controlCharacterInQuery(String query) {
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            Optional<Violation> violation = PrintableText.check(PrintableText.quote(name), name + value, Integer.MAX_VALUE);
            if (violation.isPresent()) {
                return violation;
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a broken escape is not a control character; the controller says what is wrong with it
        }
    }

    private static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Problems.json(problem));
    }

    /** Read past the limit, a body without a declared length ends in this, which is answered 413. */
    static class BodyTooLargeException extends IOException {
        BodyTooLargeException(String message) {
            super(message);
        }
    }

    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private final String tooLarge;

        BoundedRequest(HttpServletRequest request, long limit, String tooLarge) {
            super(request);
            this.limit = limit;
            this.tooLarge = tooLarge;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws BodyTooLargeException {
                    read += n;
                    if (read > limit) {
                        throw new BodyTooLargeException(tooLarge);
                    }
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
            };
        }
    }
}
