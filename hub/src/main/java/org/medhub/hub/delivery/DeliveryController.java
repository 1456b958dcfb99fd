package org.medhub.hub.delivery;

import java.security.Principal;
import java.util.Map;
import java.util.NoSuchElementException;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators steer stuck deliveries: stop a runaway retry, skip a message, try one again. */
@RestController
class DeliveryController {

    private final DeliveryControls controls;

    DeliveryController(DeliveryControls controls) {
        this.controls = controls;
    }

    record Reason(String reason) {}

    @PostMapping("/api/deliveries/{subscriber}/{messageId}/{action}")
    ResponseEntity<?> act(@PathVariable String subscriber, @PathVariable String messageId, @PathVariable String action,
            @RequestBody(required = false) Reason body, Principal operator) {
        DeliveryControls.Action what;
        try {
            what = DeliveryControls.Action.valueOf(action.toUpperCase());
        } catch (IllegalArgumentException e) {
            return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "unknown-action", "Unknown action",
                    "'" + action + "' is not one of stop, skip, retry"));
        }
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "reason-required", "Reason required",
                    "say why in the body: {\"reason\": \"…\"}; it goes into the audit trail"));
        }
        var unfit = Problems.unfitText("reason", body.reason(), Problems.MAX_REASON);
        if (unfit.isPresent()) {
            return unfit.get();
        }
        try {
            var status = controls.apply(what, subscriber, messageId, operator.getName(), body.reason());
            return ResponseEntity.ok(Map.of("messageId", messageId, "subscriber", subscriber, "status", status.name()));
        } catch (NoSuchElementException e) {
            return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "unknown-delivery", "Unknown delivery", e.getMessage()));
        } catch (IllegalStateException e) {
            return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "delivery-state", "Not possible now", e.getMessage()));
        }
    }
}
