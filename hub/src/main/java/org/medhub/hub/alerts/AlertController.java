package org.medhub.hub.alerts;

import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Alerts for people: listed newest first, acknowledged with a reason (in the audit trail). */
@RestController
class AlertController {

    record AlertList(List<Alerts.Alert> alerts, int count) {}

    record Acknowledgement(String reason) {}

    private final Alerts alerts;

    AlertController(Alerts alerts) {
        this.alerts = alerts;
    }

    /** @param open only the alerts no one has acknowledged yet (the default) */
    @GetMapping("/api/alerts")
    AlertList alerts(@RequestParam(defaultValue = "true") boolean open, @RequestParam(required = false) String entity,
            @RequestParam(required = false) String key) {
        List<Alerts.Alert> found = alerts.list(open, entity, key, 500);
        return new AlertList(found, found.size());
    }

    @PostMapping("/api/alerts/{id}/acknowledgement")
    Alerts.Alert acknowledge(@PathVariable long id, @RequestBody Acknowledgement request, Principal person) {
        Problems.requireReason(request.reason(), "it goes into the audit trail");
        try {
            return alerts.acknowledge(id, person.getName(), request.reason());
        } catch (NoSuchElementException e) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
        } catch (IllegalStateException e) {
            throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "alert-state", "Already acknowledged", e.getMessage()));
        }
    }
}
