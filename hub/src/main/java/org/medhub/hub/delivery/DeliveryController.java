package org.medhub.hub.delivery;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.NoSuchElementException;
import org.medhub.hub.people.ElectronicSignatures;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.ledger.DeliveryStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators steer stuck deliveries: stop a runaway retry, skip a message, try one again. Skipping discards the
 * delivery for good, so it is an electronic signature.
 */
@RestController
class DeliveryController {

    private final DeliveryControls controls;
    private final ElectronicSignatures signatures;
    private final PartnerScopes scopes;

    DeliveryController(DeliveryControls controls, ElectronicSignatures signatures, PartnerScopes scopes) {
        this.controls = controls;
        this.signatures = signatures;
        this.scopes = scopes;
    }

    /**
     * @param reason why, for the audit trail: at most 1000 characters, no control characters but tabs and line breaks
     * @param signature required to skip: the operator's password again and the meaning
     */
    record Reason(String reason, ElectronicSignatures.Signature signature) {}

    /** The delivery's status after the action. */
    record Steered(String messageId, String subscriber, DeliveryStatus status) {}

    /** @param action stop, skip or retry */
    @PostMapping("/api/deliveries/{subscriber}/{messageId}/{action}")
    Steered act(@PathVariable String subscriber, @PathVariable String messageId, @PathVariable String action,
            @RequestBody(required = false) Reason body, Principal operator) {
        DeliveryControls.Action what;
        try {
            what = DeliveryControls.Action.valueOf(action.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-action", "Unknown action",
                    "'" + action + "' is not one of stop, skip, retry"));
        }
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "reason-required", "Reason required",
                    "say why in the body: {\"reason\": \"…\"}; it goes into the audit trail"));
        }
        Problems.requireFitText("reason", body.reason(), Problems.MAX_REASON);
        if (!scopes.allowsMessage(operator.getName(), messageId)) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-delivery", "Unknown delivery",
                    "no delivery of message " + messageId + " to " + subscriber));
        }
        if (what == DeliveryControls.Action.SKIP) {
            signatures.sign(operator.getName(), body.signature(), "discarding a delivery", "delivery/" + subscriber + "/"
                    + messageId, (subscriber + "\n" + messageId + "\n" + body.reason()).getBytes(StandardCharsets.UTF_8));
        }
        try {
            return new Steered(messageId, subscriber, controls.apply(what, subscriber, messageId, operator.getName(),
                    body.reason()));
        } catch (NoSuchElementException e) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "unknown-delivery", "Unknown delivery", e.getMessage()));
        } catch (IllegalStateException e) {
            throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "delivery-state", "Not possible now", e.getMessage()));
        }
    }
}
