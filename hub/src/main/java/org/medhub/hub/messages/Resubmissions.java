package org.medhub.hub.messages;

import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.partner.InboundMessageType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A failed message corrected by a person and sent in again: the corrected document takes the partner's own way in
 * (the same intake, mapping and checks), as a new message caused by the original, which is kept as it was and marked
 * REPLAYED. Who corrected what, and why, is in the audit trail with the hashes of both documents.
 */
@Component
class Resubmissions {

    private final ProducerTemplate camel;
    private final LivePartners partners;
    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Resubmissions(ProducerTemplate camel, LivePartners partners, JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.camel = camel;
        this.partners = partners;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** @return the id of the new message */
    String resubmit(MessageView original, String document, String reason, String person) {
        if (!"FAILED".equals(original.status())) {
            throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "message-state", "Not failed",
                    "only a failed message is corrected and sent again; " + original.messageId() + " is " + original.status()));
        }
        Charset charset = partners.partner(original.partner()).flatMap(p -> p.messageType(original.messageType()))
                .map(InboundMessageType::charsetOrUtf8)
                .orElseThrow(() -> Problems.fail(Problems.problem(HttpStatus.CONFLICT, "message-type", "Message type gone",
                        original.partner() + " no longer sends " + original.messageType() + ": nothing maps it")));
        byte[] bytes = document.getBytes(charset); // as the partner would have sent it
        Exchange result = camel.send(IngestRoute.ENDPOINT, exchange -> {
            exchange.getMessage().setHeader(MedhubHeaders.PARTNER, original.partner());
            exchange.getMessage().setHeader(MedhubHeaders.MESSAGE_TYPE, original.messageType());
            exchange.getMessage().setBody(bytes);
        });
        String messageId = result.getMessage().getHeader(MedhubHeaders.MESSAGE_ID, String.class);
        if (result.getException() instanceof RecordRejectedException rejected) {
            ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY, rejected.problem(), "Still refused",
                    "the corrected document is refused too: " + rejected.getMessage());
            problem.setProperty("messageId", messageId);
            throw Problems.fail(Problems.withViolations(problem, rejected.violations()));
        }
        if (result.getException() != null) {
            throw Problems.fail(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "hub-unavailable", "Hub unavailable",
                    "the hub could not store the corrected document; nothing was sent, try again"));
        }
        String now = clock.instant().toString();
        jdbc.update("update message set causation_id = ? where message_id = ? and causation_id is null",
                original.messageId(), messageId);
        jdbc.update("update message set status = 'REPLAYED', updated_at = ?::timestamptz where message_id = ? and status = 'FAILED'",
                now, original.messageId());
        audit.record(person, "message.resubmit", "message/" + original.messageId(), Map.of("reason", reason,
                "newMessageId", messageId, "documentSha256", MessageIds.sha256Hex(bytes)));
        return messageId;
    }
}
