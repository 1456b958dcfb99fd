package org.medhub.hub.delivery;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.Ledger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an operator can do about one message for one subscriber: stop its retries, skip it so that its
 * key goes on, or try it again now. Each is recorded in the audit trail with who and why.
 */
@Component
class DeliveryControls {

    enum Action {
        STOP(Set.of(DeliveryStatus.RETRYING, DeliveryStatus.HELD), DeliveryStatus.STOPPED),
        SKIP(Set.of(DeliveryStatus.RETRYING, DeliveryStatus.HELD, DeliveryStatus.FAILED, DeliveryStatus.STOPPED),
                DeliveryStatus.SKIPPED),
        RETRY(Set.of(DeliveryStatus.FAILED, DeliveryStatus.STOPPED), DeliveryStatus.RETRYING);

        final Set<DeliveryStatus> from;
        final DeliveryStatus to;

        Action(Set<DeliveryStatus> from, DeliveryStatus to) {
            this.from = from;
            this.to = to;
        }
    }

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final Clock clock;

    DeliveryControls(JdbcTemplate jdbc, Ledger ledger, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws IllegalStateException naming the current status when the action does not apply to it
     * @throws java.util.NoSuchElementException when the subscriber is owed no such message
     */
    @Transactional
    DeliveryStatus apply(Action action, String subscriber, String messageId, String actor, String reason) {
        List<Map<String, Object>> found = jdbc.queryForList(
                "select status, business_key from delivery where subscriber = ? and message_id = ? for update",
                subscriber, messageId);
        if (found.isEmpty() && !deliveredAtOnce(subscriber, messageId)) {
            throw new java.util.NoSuchElementException("no delivery of message " + messageId + " to " + subscriber);
        }
        DeliveryStatus current = found.isEmpty() ? DeliveryStatus.DELIVERED
                : DeliveryStatus.valueOf((String) found.get(0).get("status"));
        if (!action.from.contains(current)) {
            throw new IllegalStateException("cannot " + action.name().toLowerCase() + " a delivery that is " + current
                    + "; it applies to " + action.from);
        }
        String now = clock.instant().toString();
        jdbc.update("""
                update delivery set status = ?, next_attempt_at = ?::timestamptz, last_error = ?,
                    attempts = case when ? then 0 else attempts end, last_at = ?::timestamptz
                where subscriber = ? and message_id = ?""",
                action.to.name(), action == Action.RETRY ? now : null,
                action.name().toLowerCase() + " by " + actor + ": " + reason, action == Action.RETRY, now,
                subscriber, messageId);
        audit.record(actor, "delivery." + action.name().toLowerCase(), "message/" + messageId,
                Map.of("subscriber", subscriber, "from", current.name(), "to", action.to.name(), "reason", reason));
        if (action == Action.SKIP) {
            ledger.releaseNextHeld(subscriber, (String) found.get(0).get("business_key"));
        }
        return action.to;
    }

    /** A message owed to the subscriber that its deliveries have passed without a row: delivered at once. */
    private boolean deliveredAtOnce(String subscriber, String messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from publication p where p.message_id = ? and ? = any(p.subscribers)
                               and delivery_passed(?, p.canonical_topic, p.canonical_partition, p.canonical_offset))""",
                Boolean.class, messageId, subscriber, subscriber));
    }
}
