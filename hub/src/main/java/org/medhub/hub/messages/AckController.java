package org.medhub.hub.messages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medhub.hub.ledger.MessageStatusFilter;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A partner reads the acknowledgements of what it sent, and only its own: which messages the hub took, delivered or
 * refused, and why. Security lets a partner credential reach {@code /api/inbound/{partnerId}/…} of its own id alone.
 */
@RestController
class AckController {

    static final int MAX_LIMIT = 500;

    private final MessageQueries queries;

    AckController(MessageQueries queries) {
        this.queries = queries;
    }

    /**
     * What became of one message: its status across the hub's subscribers and, when it failed, why. The hub's
     * inner details (Kafka locations, lineage, other partners' deliveries by name) stay with operators.
     */
    record Ack(String messageId, String messageType, String businessKey, String status, String reason,
            Instant receivedAt, Instant updatedAt) {}

    record Acks(List<Ack> acks, int count) {}

    @GetMapping("/api/inbound/{partnerId}/acks")
    Acks acks(@PathVariable String partnerId, @RequestParam Optional<String> status,
            @RequestParam(defaultValue = "100") int limit) {
        if (status.isPresent() && !MessageStatusFilter.STATUSES.contains(status.get())) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "status '" + status.get() + "' is not one of " + new java.util.TreeSet<>(MessageStatusFilter.STATUSES)));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "limit must be between 1 and " + MAX_LIMIT));
        }
        List<Ack> acks = queries.find(new MessageFilter(Optional.empty(), List.of(), status, Optional.of(partnerId), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit, Optional.empty())).stream().map(m -> new Ack(m.messageId(), m.messageType(), m.businessKey(), m.status(),
                        m.lastError(), m.receivedAt(), m.updatedAt())).toList();
        return new Acks(acks, acks.size());
    }
}
