package org.medhub.hub.messages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.people.ElectronicSignatures;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A failed message given up for good by a person (a test record, a document the partner sent again corrected): it
 * leaves the failed list as DISCARDED, kept with its bytes and stages. Giving up a record is a decision someone
 * answers for, so it is an electronic signature bound to the message and the reason. A message that failed at a
 * delivery is discarded for that subscriber instead ({@code /api/deliveries/{subscriber}/{messageId}/skip}).
 */
@Component
class Discards {

    private final JdbcTemplate jdbc;
    private final ElectronicSignatures signatures;
    private final AuditTrail audit;
    private final Clock clock;

    Discards(JdbcTemplate jdbc, ElectronicSignatures signatures, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    void discard(MessageView message, String reason, ElectronicSignatures.Signature signature, String person) {
        if (!"FAILED".equals(message.status()) || message.canonical() != null) {
            throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "message-state", "Not discardable",
                    message.canonical() != null
                            ? message.messageId() + " was published; discard its failed delivery to the subscriber instead"
                            : "only a failed message is discarded; " + message.messageId() + " is " + message.status()));
        }
        signatures.sign(person, signature, "discarding a message", "message/" + message.messageId(),
                (message.messageId() + "\n" + reason).getBytes(StandardCharsets.UTF_8));
        jdbc.update("update message set status = 'DISCARDED', updated_at = ?::timestamptz where message_id = ? and status = 'FAILED'",
                clock.instant().toString(), message.messageId());
        audit.record(person, "message.discard", "message/" + message.messageId(), Map.of("reason", reason,
                "meaning", signature.meaning()));
    }
}
