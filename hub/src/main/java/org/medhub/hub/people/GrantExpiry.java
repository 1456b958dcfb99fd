package org.medhub.hub.people;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.medhub.hub.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes away the roles whose grant has run out, a few seconds after it has, and audits each lapse once: of several
 * instances, the one that marks the grant lapsed writes the audit event. A role the person also holds by a later
 * grant stays.
 */
@Component
class GrantExpiry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GrantExpiry.class);
    /** Who takes a lapsed role away, in the audit trail. */
    static final String ACTOR = "medhub";
    private static final Duration EVERY = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "medhub-grant-expiry");
        thread.setDaemon(true);
        return thread;
    });

    GrantExpiry(JdbcTemplate jdbc, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        runner.scheduleWithFixedDelay(this::lapse, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void lapse() {
        try {
            for (Map<String, Object> grant : jdbc.queryForList("""
                    select id, username, role, expires_at from role_grant where lapsed_at is null and expires_at <= ?""",
                    Timestamp.from(clock.instant()))) {
                transactions.executeWithoutResult(status -> end(grant));
            }
        } catch (RuntimeException e) {
            log.warn("Ending the grants that ran out failed; trying again in {} s: {}", EVERY.toSeconds(), e.toString());
        }
    }

    private void end(Map<String, Object> grant) {
        long id = ((Number) grant.get("id")).longValue();
        String username = (String) grant.get("username");
        String role = (String) grant.get("role");
        if (jdbc.update("update role_grant set lapsed_at = ? where id = ? and lapsed_at is null",
                Timestamp.from(clock.instant()), id) == 0) {
            return; // another instance ended it
        }
        boolean stillGranted = Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from role_grant where username = ? and role = ? and lapsed_at is null)""",
                Boolean.class, username, role));
        if (!stillGranted) {
            jdbc.update("delete from authorities where username = ? and authority = ?", username, "ROLE_" + role);
        }
        audit.record(ACTOR, "user.grant-lapsed", "user/" + username, Map.of("role", role,
                "until", grant.get("expires_at").toString()));
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
