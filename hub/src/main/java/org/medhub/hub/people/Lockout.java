package org.medhub.hub.people;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts an operator's failed sign-ins in a row and locks the account for a while after too many; each lock and
 * each lapse of one is in the audit trail. Only operators are counted: a partner's failures are the partner's.
 */
@Component
public class Lockout {

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration duration;

    Lockout(JdbcTemplate jdbc, AuditTrail audit, Clock clock, MedhubProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = properties.security().lockout().maxFailures();
        this.duration = properties.security().lockout().duration();
    }

    /** Until when {@code username} is locked, if it is now. */
    public Optional<Instant> lockedUntil(String username) {
        List<java.sql.Timestamp> until = jdbc.queryForList(
                "select locked_until from user_lockout where username = ? and locked_until > ?::timestamptz",
                java.sql.Timestamp.class, username, clock.instant().toString());
        return until.stream().findFirst().map(java.sql.Timestamp::toInstant);
    }

    @Transactional
    public void failed(String username) {
        if (jdbc.queryForObject("select count(*) from users where username = ?", Integer.class, username) == 0) {
            return;
        }
        Integer failures = jdbc.queryForObject("""
                insert into user_lockout (username, failed_attempts) values (?, 1)
                on conflict (username) do update set failed_attempts = user_lockout.failed_attempts + 1
                returning failed_attempts""", Integer.class, username);
        if (failures != null && failures >= maxFailures) {
            Instant until = clock.instant().plus(duration);
            jdbc.update("update user_lockout set failed_attempts = 0, locked_until = ?::timestamptz where username = ?",
                    until.toString(), username);
            audit.record("medhub", "user.locked", "user/" + username,
                    Map.of("failedAttempts", failures, "lockedUntil", until.toString()));
        }
    }

    /**
     * A good sign-in: the count starts again, and a lock that has lapsed is recorded as such. Every operator request
     * signs in, so this is one statement, which changes nothing when there is nothing to forget.
     */
    @Transactional
    public void succeeded(String username) {
        List<java.sql.Timestamp> lapsed = jdbc.queryForList(
                "delete from user_lockout where username = ? returning locked_until", java.sql.Timestamp.class, username);
        if (!lapsed.isEmpty() && lapsed.get(0) != null) {
            audit.record("medhub", "user.lock-lapsed", "user/" + username,
                    Map.of("lockedUntil", lapsed.get(0).toInstant().toString()));
        }
    }

    /** An administrator lifts a lock before it lapses. */
    @Transactional
    public void lift(String username) {
        jdbc.update("delete from user_lockout where username = ?", username);
    }
}
