package org.medhub.hub.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hub's current version of any record, and which source last wrote each of its fields. */
@RestController
class RecordController {

    private final JdbcTemplate jdbc;
    private final PartnerScopes scopes;

    RecordController(JdbcTemplate jdbc, PartnerScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /**
     * @param writers for each field, the source that last wrote it
     * @param deleted its source deleted it (by {@code messageId}); it has no fields, and comes back at the next version
     */
    record RecordView(String entity, String businessKey, long version, JsonNode record, JsonNode writers,
            String messageId, Instant updatedAt, boolean deleted) {}

    @GetMapping("/api/records/{entity}")
    RecordView record(@PathVariable String entity, @RequestParam String key, Principal person) {
        Optional<Set<String>> scope = scopes.of(person.getName());
        return jdbc.query("""
                select version, record::text as record, writers::text as writers, message_id, updated_at
                from record_state where entity = ? and business_key = ?""", (rs, n) -> {
                    JsonNode record = json(rs.getString("record"));
                    return new RecordView(entity, key, rs.getLong("version"), record, json(rs.getString("writers")),
                            rs.getString("message_id"), rs.getTimestamp("updated_at").toInstant(), record.isEmpty());
                }, entity, key)
                // a person limited to some partners sees the records those partners wrote to
                .stream().filter(r -> scope.isEmpty() || writtenByAny(r.writers(), scope.get())).findFirst().orElseThrow(() -> Problems.fail(Problems.problem(HttpStatus.NOT_FOUND, "not-found",
                        "Not found", "the hub knows no " + entity + " " + key)));
    }

    private static boolean writtenByAny(JsonNode writers, Set<String> partners) {
        for (JsonNode writer : writers) {
            if (partners.contains(writer.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode json(String text) {
        try {
            return CanonicalJson.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the record store holds unreadable JSON", e);
        }
    }
}
