package org.medhub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A partner's request signed instead of sent with its password: {@code X-Medhub-Timestamp} (an ISO-8601 instant),
 * {@code X-Medhub-Nonce} (16 to 128 letters, digits, {@code -} or {@code _}, never used twice) and
 * {@code X-Medhub-Signature: v1=<hex>}, the HMAC-SHA256 of
 * {@code timestamp \n nonce \n METHOD \n path[?query] \n hex(SHA-256(body))} under the key SHA-256(the partner's
 * credential). A signature older or newer than {@link #WINDOW}, one that does not match, or a nonce seen before is
 * refused with 401 and the reason; the secret never travels, and a captured request cannot be sent again.
 */
class PartnerSignatures extends OncePerRequestFilter {

    static final String TIMESTAMP = "X-Medhub-Timestamp";
    static final String NONCE = "X-Medhub-Nonce";
    static final String SIGNATURE = "X-Medhub-Signature";
    static final Duration WINDOW = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(PartnerSignatures.class);
    private static final Pattern PARTNER_PATH = Pattern.compile("^/api/inbound/([^/]+)/.*");
    private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,128}");
    private static final Pattern SIGNATURE_FORMAT = Pattern.compile("v1=([0-9a-f]{64})");

    private final LivePartners partners;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long maxBodyBytes;
    private final ObjectMapper json;
    /** Nonces older than the window are deleted now and then, not at every request. */
    private final java.util.concurrent.atomic.AtomicLong lastPruned = new java.util.concurrent.atomic.AtomicLong();
    private static final long PRUNE_EVERY_SECONDS = 60;

    PartnerSignatures(LivePartners partners, JdbcTemplate jdbc, Clock clock, long maxBodyBytes, ObjectMapper json) {
        this.partners = partners;
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(SIGNATURE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = PARTNER_PATH.matcher(request.getRequestURI());
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "the body is larger than the limit of "
                    + maxBodyBytes + " bytes (medhub.inbound.max-body-size)");
            return;
        }
        String problem = path.matches() ? problem(request, path.group(1), body) : "a signed request names its partner"
                + " in its path, /api/inbound/{partnerId}/...";
        if (problem != null) {
            log.warn("Refused a signed request to {}: {}", request.getRequestURI(), problem);
            refuse(response, HttpStatus.UNAUTHORIZED, "unauthenticated", problem);
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                path.group(1), null, List.of(new SimpleGrantedAuthority(PartnerAuthenticationProvider.ROLE_PARTNER))));
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** Why the signature is refused, or null when it holds. */
    private String problem(HttpServletRequest request, String partner, byte[] body) {
        String timestamp = request.getHeader(TIMESTAMP);
        String nonce = request.getHeader(NONCE);
        Matcher signature = SIGNATURE_FORMAT.matcher(String.valueOf(request.getHeader(SIGNATURE)));
        if (timestamp == null || nonce == null) {
            return "a signed request carries " + TIMESTAMP + " and " + NONCE;
        }
        if (!signature.matches()) {
            return SIGNATURE + " must be v1= and 64 lower-case hex digits (HMAC-SHA256)";
        }
        if (!NONCE_FORMAT.matcher(nonce).matches()) {
            return NONCE + " must be 16 to 128 letters, digits, - or _";
        }
        Instant signedAt;
        try {
            signedAt = Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return TIMESTAMP + " must be an ISO-8601 instant such as 2026-12-04T08:00:00Z";
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(WINDOW)) || signedAt.isAfter(now.plus(WINDOW))) {
            return "the signature's time " + timestamp + " is more than " + WINDOW.toMinutes() + " minutes from the hub's,"
                    + " " + now + ": a stale (or early) signature is refused";
        }
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        byte[] signed = String.join("\n", timestamp, nonce, request.getMethod(), request.getRequestURI() + query,
                MessageIds.sha256Hex(body)).getBytes(StandardCharsets.UTF_8);
        if (!partners.signatureMatches(partner, signed, HexFormat.of().parseHex(signature.group(1)))) {
            return "the signature does not match: unknown partner, another key, or the request changed on its way";
        }
        long pruned = lastPruned.get();
        if (now.getEpochSecond() - pruned >= PRUNE_EVERY_SECONDS && lastPruned.compareAndSet(pruned, now.getEpochSecond())) {
            jdbc.update("delete from partner_nonce where seen_at < ?", Timestamp.from(now.minus(WINDOW.multipliedBy(2))));
        }
        int fresh = jdbc.update("insert into partner_nonce (partner, nonce, seen_at) values (?, ?, ?) on conflict do nothing",
                partner, nonce, Timestamp.from(now));
        return fresh == 1 ? null : "the nonce " + nonce + " was used before: a replayed request is refused";
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        ProblemDetail problem = Problems.problem(status, type, status.getReasonPhrase(), detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }


    /** The request with its body read already, for the endpoint to read again. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    try {
                        return bytes.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
