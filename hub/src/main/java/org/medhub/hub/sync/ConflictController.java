package org.medhub.hub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The resolution queue, and the current version of any record. */
@RestController
class ConflictController {

    private final JdbcTemplate jdbc;
    private final ConflictResolution resolution;
    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;

    ConflictController(JdbcTemplate jdbc, ConflictResolution resolution, JdbcUserDetailsManager users,
            PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.resolution = resolution;
        this.users = users;
        this.passwords = passwords;
    }

    @GetMapping("/api/conflicts")
    ResponseEntity<?> conflicts(@RequestParam(defaultValue = "OPEN") String status) {
        if (!List.of("OPEN", "RESOLVED").contains(status)) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "status must be OPEN or RESOLVED"));
        }
        List<Map<String, Object>> found = jdbc.query("""
                select * from conflict where status = ? order by created_at limit 500""", (rs, n) -> row(rs), status);
        return ResponseEntity.ok(Map.of("conflicts", found, "count", found.size()));
    }

    @GetMapping("/api/conflicts/{id}")
    ResponseEntity<?> conflict(@PathVariable long id) {
        List<Map<String, Object>> found = jdbc.query("select * from conflict where id = ?", (rs, n) -> row(rs), id);
        return found.isEmpty() ? notFound("no conflict " + id) : ResponseEntity.ok(found.get(0));
    }

    /** A resolution is an electronic signature: the resolver signs with their password as well as their session. */
    record ResolutionRequest(String take, Map<String, JsonNode> fields, String reason, String password) {}

    @PostMapping("/api/conflicts/{id}/resolution")
    ResponseEntity<?> resolve(@PathVariable long id, @RequestBody ResolutionRequest request, Principal resolver) {
        if (request.reason() == null || request.reason().isBlank()) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "reason-required", "Reason required",
                    "say why in \"reason\": it is part of the signed record"));
        }
        var unfit = Problems.unfitText("reason", request.reason(), Problems.MAX_REASON)
                .or(() -> Problems.unfitText("take", request.take(), 100));
        if (unfit.isPresent()) {
            return unfit.get();
        }
        if (request.password() == null
                || !passwords.matches(request.password(), users.loadUserByUsername(resolver.getName()).getPassword())) {
            return Problems.respond(Problems.problem(HttpStatus.FORBIDDEN, "signature", "Signature refused",
                    "a resolution is signed with the resolver's password (21 CFR 11.200); it did not match"));
        }
        try {
            var resolved = resolution.resolve(id, new ConflictResolution.Decision(request.take(), request.fields(),
                    request.reason()), resolver.getName());
            return ResponseEntity.ok(Map.of("conflictId", resolved.conflictId(), "messageId", resolved.messageId(),
                    "version", resolved.version(), "record", resolved.record()));
        } catch (NoSuchElementException e) {
            return notFound(e.getMessage());
        } catch (IllegalStateException e) {
            return Problems.respond(Problems.problem(HttpStatus.CONFLICT, "conflict-state", "Not open", e.getMessage()));
        } catch (IllegalArgumentException e) {
            return Problems.respond(Problems.problem(HttpStatus.BAD_REQUEST, "decision", "Incomplete decision", e.getMessage()));
        } catch (InvalidRecordException e) {
            return Problems.respond(Problems.withViolations(Problems.problem(HttpStatus.UNPROCESSABLE_ENTITY,
                    "invalid-record", "Invalid record", "the decided record breaks the data dictionary"), e.violations()));
        }
    }

    @GetMapping("/api/records/{entity}")
    ResponseEntity<?> record(@PathVariable String entity, @RequestParam String key) {
        List<Map<String, Object>> found = jdbc.query("""
                select version, record::text as record, writers::text as writers, message_id, updated_at
                from record_state where entity = ? and business_key = ?""", (rs, n) -> Map.of(
                "entity", entity, "businessKey", key, "version", rs.getLong("version"),
                "record", JdbcRecordSync.object(rs.getString("record")),
                "writers", JdbcRecordSync.object(rs.getString("writers")),
                "messageId", rs.getString("message_id"), "updatedAt", rs.getTimestamp("updated_at").toInstant()),
                entity, key);
        return found.isEmpty() ? notFound("the hub knows no " + entity + " " + key) : ResponseEntity.ok(found.get(0));
    }

    private static Map<String, Object> row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("id", rs.getLong("id"));
        row.put("entity", rs.getString("entity"));
        row.put("businessKey", rs.getString("business_key"));
        row.put("messageId", rs.getString("message_id"));
        row.put("source", rs.getString("source"));
        row.put("baseVersion", rs.getObject("base_version"));
        row.put("currentVersion", rs.getLong("current_version"));
        row.put("fields", JdbcRecordSync.object("{\"f\":" + rs.getString("fields") + "}").get("f"));
        row.put("status", rs.getString("status"));
        row.put("createdAt", rs.getTimestamp("created_at").toInstant());
        if (rs.getString("resolved_by") != null) {
            row.put("resolvedBy", rs.getString("resolved_by"));
            row.put("resolvedAt", rs.getTimestamp("resolved_at").toInstant());
            row.put("reason", rs.getString("reason"));
            row.put("resolution", JdbcRecordSync.object("{\"r\":" + rs.getString("resolution") + "}").get("r"));
        }
        return row;
    }

    private static ResponseEntity<?> notFound(String detail) {
        return Problems.respond(Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail));
    }
}
