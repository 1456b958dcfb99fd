package org.medhub.hub.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.medhub.canonical.envelope.CanonicalJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The hub's current version of a record, by entity and business key; a deleted record is none. */
@Component
public class CurrentRecords {

    private final JdbcTemplate jdbc;

    public CurrentRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<JsonNode> of(String entity, String businessKey) {
        return jdbc.queryForList("select record::text from record_state where entity = ? and business_key = ?", String.class,
                entity, businessKey).stream()
                .map(text -> CanonicalJson.fromBytes(text.getBytes(StandardCharsets.UTF_8), JsonNode.class))
                .filter(record -> !record.isEmpty()).findFirst();
    }

    /** The current record as the dictionary's Java type. */
    public <T> Optional<T> of(String entity, String businessKey, Class<T> type) {
        return of(entity, businessKey).map(record -> CanonicalJson.mapper().convertValue(record, type));
    }
}
