package org.medhub.hub.cdc;

import java.security.Principal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.cdc.CdcFeeds;
import org.medhub.routes.cdc.CdcStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The change feeds of legacy databases: their state, lag and tables; pausing, resuming, letting a table flow again. */
@RestController
class CdcController {

    private final CdcFeeds feeds;
    private final AuditTrail audit;
    private final PartnerScopes scopes;

    CdcController(CdcFeeds feeds, AuditTrail audit, PartnerScopes scopes) {
        this.feeds = feeds;
        this.audit = audit;
        this.scopes = scopes;
    }

    record Sources(Collection<CdcStatus> sources) {}

    /** A source is a partner: a person limited to some partners sees and steers those sources alone. */
    @GetMapping("/api/cdc")
    Sources sources(Principal person) {
        return new Sources(feeds.status().stream().filter(s -> scopes.allows(person.getName(), s.source())).toList());
    }

    @GetMapping("/api/cdc/{source}")
    CdcStatus source(@PathVariable String source, Principal person) {
        return feeds.status(source).filter(s -> scopes.allows(person.getName(), source)).orElseThrow(() -> noSource(source));
    }

    /** Why a person steers a feed, for the audit trail; optional (scripts may leave it out). */
    record Reason(String reason) {

        static Map<String, String> detail(Reason body) {
            if (body == null || body.reason() == null || body.reason().isBlank()) {
                return Map.of();
            }
            Problems.requireFitText("reason", body.reason(), Problems.MAX_REASON);
            return Map.of("reason", body.reason());
        }
    }

    /** Stops reading the source's database; its position is kept, and nothing committed meanwhile is missed. */
    @PostMapping("/api/cdc/{source}/pause")
    CdcStatus pause(@PathVariable String source, @RequestBody(required = false) Reason body, Principal operator) {
        Map<String, String> why = Reason.detail(body); // checked before anything is done
        if (!scopes.allows(operator.getName(), source) || !feeds.pause(source)) {
            throw noSource(source);
        }
        audit.record(operator.getName(), "cdc.pause", "cdc:" + source, why);
        return feeds.status(source).orElseThrow(() -> noSource(source));
    }

    /** Reads the source's database again from where it stopped (after a pause, or after it failed). */
    @PostMapping("/api/cdc/{source}/resume")
    CdcStatus resume(@PathVariable String source, @RequestBody(required = false) Reason body, Principal operator) {
        Map<String, String> why = Reason.detail(body); // checked before anything is done
        if (!scopes.allows(operator.getName(), source) || !feeds.resume(source)) {
            throw noSource(source);
        }
        audit.record(operator.getName(), "cdc.resume", "cdc:" + source, why);
        return feeds.status(source).orElseThrow(() -> noSource(source));
    }

    /**
     * Lets a table whose columns changed under its mapping flow again, once the mapping is fixed (and reloaded). The
     * changes held meanwhile are dead letters of the source: replay them from raw to map them with the fixed mapping.
     */
    @PostMapping("/api/cdc/{source}/tables/{table}/resume")
    CdcStatus resumeTable(@PathVariable String source, @PathVariable String table,
            @RequestBody(required = false) Reason body, Principal operator) {
        return onTable(source, table, body, operator, "cdc.resume-table", feeds::resumeTable);
    }

    /**
     * Reads the table's rows again, whole (a blocking snapshot: the feed's streaming waits meanwhile): to repair what
     * a subscriber lost. A row the hub already holds as it is changes nothing.
     */
    @PostMapping("/api/cdc/{source}/tables/{table}/snapshot")
    CdcStatus snapshot(@PathVariable String source, @PathVariable String table,
            @RequestBody(required = false) Reason body, Principal operator) {
        return onTable(source, table, body, operator, "cdc.snapshot-table", feeds::snapshot);
    }

    /**
     * Does something to a table of a source this instance reads, audited.
     *
     * @param action answers empty when there is no such source here, false when it has no such table
     */
    private CdcStatus onTable(String source, String table, Reason body, Principal operator, String auditAction,
            BiFunction<String, String, Optional<Boolean>> action) {
        Problems.requireFitText("table", table, 300);
        Map<String, String> why = Reason.detail(body);
        if (!scopes.allows(operator.getName(), source)) {
            throw noSource(source);
        }
        boolean found = action.apply(source, table).orElseThrow(() -> noSource(source));
        if (!found) {
            throw Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "source " + source + " captures no table " + table));
        }
        audit.record(operator.getName(), auditAction, "cdc:" + source + "/" + table, why);
        return feeds.status(source).orElseThrow(() -> noSource(source));
    }

    private static RuntimeException noSource(String source) {
        return Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no change feed " + org.medhub.canonical.validation.PrintableText.quote(source)
                        + " is configured (config/cdc/<source>.yml), or another instance reads it"));
    }
}
