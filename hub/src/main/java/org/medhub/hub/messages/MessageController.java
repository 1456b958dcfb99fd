package org.medhub.hub.messages;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.hub.ledger.MessageStatusFilter;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.pipeline.UntilDone;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where each message is, and which pipeline steps are stuck, for operators. */
@RestController
class MessageController {

    static final int MAX_LIMIT = 500;
    private static final Set<String> STATUSES = MessageStatusFilter.STATUSES;

    private final MessageQueries queries;

    MessageController(MessageQueries queries) {
        this.queries = queries;
    }

    /** The batch steps failing right now: a partition that waits for the database or Kafka to come back, and why. */
    @GetMapping("/api/pipeline/stalls")
    Map<String, List<UntilDone.Stall>> stalls() {
        return Map.of("stalls", UntilDone.stalls());
    }

    @GetMapping("/api/messages/{messageId}")
    ResponseEntity<?> message(@PathVariable String messageId) {
        return queries.message(messageId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> Problems.respond(
                Problems.problem(HttpStatus.NOT_FOUND, "unknown-message", "Unknown message",
                        "no message has id '" + messageId + "'")));
    }

    @GetMapping("/api/messages")
    ResponseEntity<?> messages(@RequestParam Optional<String> businessKey, @RequestParam Optional<String> status,
            @RequestParam Optional<String> partner, @RequestParam Optional<String> entity,
            @RequestParam(defaultValue = "50") int limit) {
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "status '" + status.get() + "' is not one of " + STATUSES));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "limit must be between 1 and " + MAX_LIMIT));
        }
        List<Map<String, Object>> found = queries.find(new MessageFilter(businessKey, status, partner, entity, limit));
        return ResponseEntity.ok(Map.of("messages", found, "count", found.size()));
    }
}
