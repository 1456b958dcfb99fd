package org.medhub.hub.people;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tokens for scripts: a person makes one for themselves (signed in with their password), a script sends it as
 * {@code Authorization: Bearer mht_…} and acts with that person's roles and partners. The token is shown once and kept
 * only as its SHA-256; it ends when it expires (a year at most), when it is revoked, or when its person is disabled.
 */
@Component
public class ApiTokens {

    static final String PREFIX = "mht_";
    static final Duration LONGEST = Duration.ofDays(365);

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** An authentication's details when its person signed in with a token, not with the password. */
    public record SignedInWithToken() {}

    /** A token as its person sees it; the secret only in the answer that made it. */
    record Token(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt,
            String token) {}

    Token create(String username, String name, Instant expiresAt) {
        Instant now = clock.instant();
        if (name == null || !name.matches("[\\p{L}\\p{N} ._-]{1,100}")) {
            throw new IllegalArgumentException("name the token (1 to 100 letters, digits, spaces, . _ -), e.g. \"nightly export\"");
        }
        if (expiresAt == null || !expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(LONGEST))) {
            throw new IllegalArgumentException("expiresAt must be after now and at most " + LONGEST.toDays() + " days ahead");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Long id = jdbc.queryForObject("""
                insert into api_token (username, name, digest, created_at, expires_at) values (?, ?, ?, ?, ?) returning id""",
                Long.class, username, name, digest(token), Timestamp.from(now), Timestamp.from(expiresAt));
        audit.record(username, "token.create", "user/" + username, Map.of("token", id, "name", name,
                "expiresAt", expiresAt.toString()));
        return new Token(id, name, now, expiresAt, null, null, token);
    }

    List<Token> of(String username) {
        return jdbc.query("select * from api_token where username = ? order by id", (row, n) -> new Token(row.getLong("id"),
                row.getString("name"), instant(row.getTimestamp("created_at")), instant(row.getTimestamp("expires_at")),
                instant(row.getTimestamp("revoked_at")), instant(row.getTimestamp("last_used_at")), null), username);
    }

    /** Revokes one of the person's tokens; false when they have no such token running. */
    boolean revoke(String username, long id) {
        int revoked = jdbc.update("update api_token set revoked_at = ? where id = ? and username = ? and revoked_at is null",
                Timestamp.from(clock.instant()), id, username);
        if (revoked == 1) {
            audit.record(username, "token.revoke", "user/" + username, Map.of("token", id));
        }
        return revoked == 1;
    }

    /** The person a token stands for, when it is one, running, and theirs. */
    public Optional<String> personOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<String> people = jdbc.queryForList("""
                update api_token set last_used_at = ? where digest = ? and revoked_at is null and expires_at > ?
                returning username""", String.class, Timestamp.from(now), digest(token), Timestamp.from(now));
        return people.stream().findFirst();
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
