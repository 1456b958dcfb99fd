package org.medhub.hub.replay;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.security.Principal;
import java.util.List;
import org.medhub.hub.partner.LivePartners;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.people.ElectronicSignatures;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.partner.Partner;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Replays for operators: start (or dry-run), follow, stop. */
@RestController
class ReplayController {

    private final ReplayService replays;
    private final LivePartners partners;
    private final ElectronicSignatures signatures;
    private final PartnerScopes scopes;

    ReplayController(ReplayService replays, LivePartners partners, ElectronicSignatures signatures, PartnerScopes scopes) {
        this.scopes = scopes;
        this.replays = replays;
        this.partners = partners;
        this.signatures = signatures;
    }

    @PostMapping("/api/replays")
    @ApiResponse(responseCode = "202", description = "the replay started",
            content = @Content(schema = @Schema(implementation = ReplayViews.Started.class)))
    @ApiResponse(responseCode = "200", description = "a dry run: what the replay would do",
            content = @Content(schema = @Schema(implementation = ReplayViews.Plan.class)))
    ResponseEntity<?> start(@RequestBody ReplayRequest request, Principal operator) {
        // a dry run answers 200 with its plan, a replay 202 with where to follow it
        List<String> problems = new java.util.ArrayList<>(request.problems());
        if (request.subscriber() != null && problems.isEmpty()
                && partners.partner(request.subscriber()).map(p -> p.subscriptions().isEmpty()).orElse(true)) {
            problems.add("subscriber '" + request.subscriber() + "' is not a partner with subscriptions; they are "
                    + partners.partners().stream().filter(p -> !p.subscriptions().isEmpty()).map(Partner::id).sorted().toList());
        }
        if (!problems.isEmpty()) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-replay", "Invalid replay",
                    String.join("; ", problems)));
        }
        scopes.of(operator.getName()).filter(scope -> !scope.contains(request.partner())).ifPresent(scope -> {
            throw Problems.fail(Problems.problem(HttpStatus.FORBIDDEN, "partner-scope", "Outside your partners",
                    "your work is limited to the messages of " + scope + ": name one of them in \"partner\""));
        });
        if (request.dryRun()) {
            List<ReplayViews.Planned> plan = replays.dryRun(request);
            return ResponseEntity.ok(new ReplayViews.Plan(true, plan.size(), plan));
        }
        if (request.force()) {
            // sending again what a subscriber already has is a decision someone answers for: signed, bound to the request
            signatures.sign(operator.getName(), request.signature(), "a forced replay", "replay",
                    CanonicalJson.toBytes(request));
        }
        long id = replays.start(request, operator.getName());
        return ResponseEntity.accepted().body(new ReplayViews.Started(id, "/api/replays/" + id));
    }

    record ReplayList(List<ReplayViews.Progress> replays) {}

    /** The newest replays first, without their items; a person limited to some partners sees their own. */
    @GetMapping("/api/replays")
    ReplayList replays(@RequestParam(defaultValue = "50") int limit, Principal person) {
        if (limit < 1 || limit > 500) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "limit must be between 1 and 500"));
        }
        return new ReplayList(replays.newest(limit,
                scopes.of(person.getName()).map(scope -> person.getName())));
    }

    @GetMapping("/api/replays/{id}")
    ReplayViews.Progress progress(@PathVariable long id, Principal person) {
        return visibleTo(id, person);
    }

    /** A person limited to some partners follows and steers the replays they started; others are unknown to them. */
    private ReplayViews.Progress visibleTo(long id, Principal person) {
        return replays.progress(id).filter(p -> scopes.of(person.getName()).isEmpty()
                || p.requestedBy().equals(person.getName())).orElseThrow(() -> Problems.fail(
                Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "no replay " + id)));
    }

    /** Holds a running replay where it is; {@code resume} lets it go on. */
    @PostMapping("/api/replays/{id}/pause")
    ReplayViews.Steered pause(@PathVariable long id, Principal operator) {
        return hold(id, true, operator);
    }

    @PostMapping("/api/replays/{id}/resume")
    ReplayViews.Steered resume(@PathVariable long id, Principal operator) {
        return hold(id, false, operator);
    }

    private ReplayViews.Steered hold(long id, boolean pause, Principal operator) {
        visibleTo(id, operator);
        if (!replays.pause(id, pause, operator.getName())) {
            throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "replay-state", "Not possible now",
                    "replay " + id + " is not " + (pause ? "running" : "paused")));
        }
        return new ReplayViews.Steered(id, pause ? "PAUSED" : "RUNNING");
    }

    @PostMapping("/api/replays/{id}/stop")
    ReplayViews.Steered stop(@PathVariable long id, Principal operator) {
        visibleTo(id, operator);
        if (!replays.stop(id, operator.getName())) {
            throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "replay-state", "Not running",
                    "replay " + id + " is not running"));
        }
        return new ReplayViews.Steered(id, "STOPPED");
    }
}
