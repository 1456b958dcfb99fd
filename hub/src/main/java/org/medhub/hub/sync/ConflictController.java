package org.medhub.hub.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.Principal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.hub.people.ElectronicSignatures;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The resolution queue: conflicts to decide, and their signed decisions. */
@RestController
class ConflictController {

    private final JdbcTemplate jdbc;
    private final ConflictResolution resolution;
    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;
    private final PartnerScopes scopes;

    ConflictController(JdbcTemplate jdbc, ConflictResolution resolution, JdbcUserDetailsManager users,
            PasswordEncoder passwords, PartnerScopes scopes) {
        this.jdbc = jdbc;
        this.resolution = resolution;
        this.users = users;
        this.passwords = passwords;
        this.scopes = scopes;
    }

    /**
     * An update that changed fields also changed since its base.
     *
     * @param fields each conflicting field with its base, current and incoming value
     * @param status OPEN or RESOLVED; a resolved one says by whom, when, why and what was decided
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConflictView(long id, String entity, String businessKey, String messageId, String source, Long baseVersion,
            long currentVersion, JsonNode fields, String status, Instant createdAt, String resolvedBy, Instant resolvedAt,
            String reason, JsonNode resolution) {}

    record ConflictList(List<ConflictView> conflicts, int count) {}

    /**
     * A resolution is an electronic signature: the resolver signs with their password as well as their session.
     *
     * @param take {@code current} or {@code incoming} for every field, or leave it out and decide each in {@code fields}
     * @param fields the value decided for each conflicting field
     */
    record ResolutionRequest(String take, Map<String, JsonNode> fields, String reason, String password, String meaning) {

        /** What the signature means; a resolution approves a record unless the resolver says otherwise. */
        String meaningOrApproval() {
            return meaning == null ? "APPROVAL" : meaning;
        }
    }

    /** The version the decision made, published to every subscriber. */
    record ResolutionAnswer(long conflictId, String messageId, long version, JsonNode record) {}

    @GetMapping("/api/conflicts")
    ConflictList conflicts(@RequestParam(defaultValue = "OPEN") String status, Principal person) {
        if (!List.of("OPEN", "RESOLVED").contains(status)) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "status must be OPEN or RESOLVED"));
        }
        // a person limited to some partners sees the conflicts their updates ran into
        String[] scope = scopes.of(person.getName()).map(s -> s.toArray(String[]::new)).orElse(null);
        List<ConflictView> found = jdbc.query("""
                select * from conflict where status = ? and (?::varchar[] is null or source = any(?::varchar[]))
                order by created_at limit 500""", (rs, n) -> row(rs), status, scope, scope);
        return new ConflictList(found, found.size());
    }

    @GetMapping("/api/conflicts/{id}")
    ConflictView conflict(@PathVariable long id, Principal person) {
        return jdbc.query("select * from conflict where id = ?", (rs, n) -> row(rs), id).stream()
                .filter(c -> scopes.allows(person.getName(), c.source())).findFirst()
                .orElseThrow(() -> notFound("no conflict " + id));
    }

    @PostMapping("/api/conflicts/{id}/resolution")
    ResolutionAnswer resolve(@PathVariable long id, @RequestBody ResolutionRequest request, Principal resolver) {
        conflict(id, resolver); // one outside the resolver's partners is as unknown to them as one that does not exist
        Problems.requireReason(request.reason(), "it is part of the signed record");
        Problems.requireFitText("take", request.take(), 100);
        if (!ElectronicSignatures.MEANINGS.contains(request.meaningOrApproval())) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "signature-meaning", "Unknown meaning",
                    "a signature's meaning is one of " + new java.util.TreeSet<>(ElectronicSignatures.MEANINGS)));
        }
        if (request.password() == null
                || !passwords.matches(request.password(), users.loadUserByUsername(resolver.getName()).getPassword())) {
            throw Problems.fail(Problems.problem(HttpStatus.FORBIDDEN, "signature", "Signature refused",
                    "a resolution is signed with the resolver's password (21 CFR 11.200); it did not match"));
        }
        try {
            var resolved = resolution.resolve(id, new ConflictResolution.Decision(request.take(), request.fields(),
                    request.reason(), request.meaningOrApproval()), resolver.getName());
            return new ResolutionAnswer(resolved.conflictId(), resolved.messageId(), resolved.version(), resolved.record());
        } catch (NoSuchElementException e) {
            throw notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw Problems.fail(Problems.problem(HttpStatus.CONFLICT, "conflict-state", "Not open", e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "decision", "Incomplete decision", e.getMessage()));
        } catch (InvalidRecordException e) {
            throw Problems.fail(Problems.withViolations(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid-record", "Invalid record", "the decided record breaks the data dictionary"), e.violations()));
        }
    }

    private static ConflictView row(ResultSet rs) throws SQLException {
        boolean resolved = rs.getString("resolved_by") != null;
        return new ConflictView(rs.getLong("id"), rs.getString("entity"), rs.getString("business_key"),
                rs.getString("message_id"), rs.getString("source"), (Long) rs.getObject("base_version"),
                rs.getLong("current_version"), JdbcRecordSync.object("{\"f\":" + rs.getString("fields") + "}").get("f"),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant(),
                resolved ? rs.getString("resolved_by") : null,
                resolved ? rs.getTimestamp("resolved_at").toInstant() : null, resolved ? rs.getString("reason") : null,
                resolved ? JdbcRecordSync.object("{\"r\":" + rs.getString("resolution") + "}").get("r") : null);
    }

    private static RuntimeException notFound(String detail) {
        return Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }
}
