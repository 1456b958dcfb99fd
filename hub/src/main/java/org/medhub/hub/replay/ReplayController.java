package org.medhub.hub.replay;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.partner.Partner;
import org.medhub.hub.partner.LivePartners;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Replays for operators: start (or dry-run), follow, stop. */
@RestController
class ReplayController {

    private final ReplayService replays;
    private final LivePartners partners;

    ReplayController(ReplayService replays, LivePartners partners) {
        this.replays = replays;
        this.partners = partners;
    }

    @PostMapping("/api/replays")
    ResponseEntity<?> start(@RequestBody ReplayRequest request, Principal operator) {
        List<String> problems = new java.util.ArrayList<>(request.problems());
        if (request.subscriber() != null && problems.isEmpty()
                && partners.partner(request.subscriber()).map(p -> p.subscriptions().isEmpty()).orElse(true)) {
            problems.add("subscriber '" + request.subscriber() + "' is not a partner with subscriptions; they are "
                    + partners.partners().stream().filter(p -> !p.subscriptions().isEmpty()).map(Partner::id).sorted().toList());
        }
        if (!problems.isEmpty()) {
            ProblemDetail problem = Problems.problem(HttpStatus.BAD_REQUEST, "invalid-replay", "Invalid replay",
                    String.join("; ", problems));
            return Problems.respond(problem);
        }
        if (request.dryRun()) {
            List<Map<String, Object>> plan = replays.dryRun(request);
            return ResponseEntity.ok(Map.of("dryRun", true, "count", plan.size(), "messages", plan));
        }
        long id = replays.start(request, operator.getName());
        return ResponseEntity.accepted().body(Map.of("replayId", id, "progress", "/api/replays/" + id));
    }

    @GetMapping("/api/replays/{id}")
    ResponseEntity<?> progress(@PathVariable long id) {
        return replays.progress(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> Problems.respond(
                Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no replay " + id)));
    }

    @PostMapping("/api/replays/{id}/stop")
    ResponseEntity<?> stop(@PathVariable long id, Principal operator) {
        return replays.stop(id, operator.getName()) ? ResponseEntity.ok(Map.of("replayId", id, "status", "STOPPED"))
                : Problems.respond(Problems.problem(HttpStatus.CONFLICT, "replay-state", "Not running",
                        "replay " + id + " is not running"));
    }
}
