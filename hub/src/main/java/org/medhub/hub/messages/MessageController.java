package org.medhub.hub.messages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medhub.hub.ledger.MessageStatusFilter;
import java.security.Principal;
import org.medhub.hub.people.ElectronicSignatures;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where each message is, for operators: those of the partners in their scope. */
@RestController
class MessageController {

    static final int MAX_LIMIT = 500;
    private static final Set<String> STATUSES = MessageStatusFilter.STATUSES;

    private final MessageQueries queries;
    private final PartnerScopes scopes;
    private final MessageContent contents;
    private final Resubmissions resubmissions;
    private final Discards discards;

    MessageController(MessageQueries queries, PartnerScopes scopes, MessageContent contents, Resubmissions resubmissions,
            Discards discards) {
        this.queries = queries;
        this.scopes = scopes;
        this.contents = contents;
        this.resubmissions = resubmissions;
        this.discards = discards;
    }

    /** A message of a partner outside the person's scope is as unknown to them as one that does not exist. */
    @GetMapping("/api/messages/{messageId}")
    MessageView message(@PathVariable String messageId, Principal person) {
        return queries.message(messageId).filter(m -> scopes.allows(person.getName(), m.partner()))
                .orElseThrow(() -> Problems.fail(Problems.problem(HttpStatus.NOT_FOUND,
                "unknown-message", "Unknown message", "no message has id '" + messageId + "'")));
    }

    /** What the partner sent beside what the hub published, and the fields it changed. */
    @GetMapping("/api/messages/{messageId}/content")
    MessageContent.Content content(@PathVariable String messageId, Principal person) {
        return contents.of(message(messageId, person));
    }

    /**
     * A failed message, corrected.
     *
     * @param document the corrected document, as text; sent in the message type's charset
     * @param reason why, for the audit trail
     */
    record Resubmission(String document, String reason) {}

    /** @param messageId the new message, caused by the original */
    record Resubmitted(String original, String messageId) {}

    @PostMapping("/api/messages/{messageId}/resubmission")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Resubmitted resubmit(@PathVariable String messageId, @RequestBody Resubmission request, Principal person) {
        if (request.document() == null || request.document().isBlank()) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "document-required", "Document required",
                    "send the corrected document in \"document\""));
        }
        Problems.requireReason(request.reason(), "it goes into the audit trail");
        return new Resubmitted(messageId, resubmissions.resubmit(message(messageId, person), request.document(),
                request.reason(), person.getName()));
    }

    /** @param signature the person's password again and the meaning of their decision */
    record Discard(String reason, ElectronicSignatures.Signature signature) {}

    record Discarded(String messageId, String status) {}

    @PostMapping("/api/messages/{messageId}/discard")
    Discarded discard(@PathVariable String messageId, @RequestBody Discard request, Principal person) {
        Problems.requireReason(request.reason(), "it is part of the signed record");
        discards.discard(message(messageId, person), request.reason(), request.signature(), person.getName());
        return new Discarded(messageId, "DISCARDED");
    }

    @GetMapping("/api/messages")
    MessageView.MessageList messages(@RequestParam Optional<String> businessKey,
            @Parameter(description = "a lot, serial number, material or declaration number, or a UDI in any written form")
            @RequestParam Optional<String> key, @RequestParam Optional<String> status,
            @RequestParam Optional<String> partner, @RequestParam Optional<String> entity,
            @RequestParam Optional<Instant> receivedFrom, @RequestParam Optional<Instant> receivedUntil,
            @Parameter(description = "the next page: the list's \"next\"") @RequestParam Optional<String> before,
            @RequestParam(defaultValue = "50") int limit, Principal person) {
        Optional<MessageFilter.Cursor> cursor = before.map(text -> MessageFilter.Cursor.parse(text).orElseThrow(() ->
                Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                        "before must be the \"next\" of a message list (a time and a message id), not '" + text + "'"))));
        if (status.isPresent() && !STATUSES.contains(status.get())) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "status '" + status.get() + "' is not one of " + STATUSES));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "limit must be between 1 and " + MAX_LIMIT));
        }
        List<MessageView> found = queries.find(new MessageFilter(businessKey,
                key.filter(k -> !k.isBlank()).map(KeySearch::parts).orElse(List.of()), status, partner, entity,
                receivedFrom, receivedUntil, cursor, limit, scopes.of(person.getName())));
        MessageView last = found.isEmpty() ? null : found.get(found.size() - 1);
        String next = found.size() < limit ? null : new MessageFilter.Cursor(last.receivedAt(), last.messageId()).toString();
        return new MessageView.MessageList(found, found.size(), next);
    }
}
