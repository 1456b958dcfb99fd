package org.medhub.hub.messages;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medhub.hub.ledger.MessageStatusFilter;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where each message is, for operators. */
@RestController
class MessageController {

    static final int MAX_LIMIT = 500;
    private static final Set<String> STATUSES = MessageStatusFilter.STATUSES;

    private final MessageQueries queries;

    MessageController(MessageQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/messages/{messageId}")
    MessageView message(@PathVariable String messageId) {
        return queries.message(messageId).orElseThrow(() -> Problems.fail(Problems.problem(HttpStatus.NOT_FOUND,
                "unknown-message", "Unknown message", "no message has id '" + messageId + "'")));
    }

    @GetMapping("/api/messages")
    MessageView.MessageList messages(@RequestParam Optional<String> businessKey, @RequestParam Optional<String> status,
            @RequestParam Optional<String> partner, @RequestParam Optional<String> entity,
            @RequestParam(defaultValue = "50") int limit) {
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "status '" + status.get() + "' is not one of " + STATUSES));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "limit must be between 1 and " + MAX_LIMIT));
        }
        List<MessageView> found = queries.find(new MessageFilter(businessKey, status, partner, entity, limit));
        return new MessageView.MessageList(found, found.size());
    }
}
