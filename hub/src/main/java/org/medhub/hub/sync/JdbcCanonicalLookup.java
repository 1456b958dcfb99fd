package org.medhub.hub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.routes.mapping.CanonicalLookup;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Lookups for mappings, answered from the hub's current records by a containment query on their JSON. */
@Component
class JdbcCanonicalLookup implements CanonicalLookup {

    private final JdbcTemplate jdbc;

    JdbcCanonicalLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<JsonNode> find(String entity, String field, String value) {
        if (value.indexOf('\0') >= 0) {
            return Optional.empty(); // PostgreSQL's JSON cannot hold it, and no canonical record has one
        }
        List<String> found;
        try {
            found = jdbc.queryForList(
                    "select record::text from record_state where entity = ? and record @> ?::jsonb limit 1",
                    String.class, entity, containment(field, value));
        } catch (DataAccessException e) {
            throw new CanonicalLookup.UnavailableException("cannot look up " + entity + " by " + field + ": "
                    + e.getMostSpecificCause().getMessage(), e);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CanonicalJson.mapper().readTree(found.get(0)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable record of " + entity, e);
        }
    }

    /** {@code batch.lot} and {@code L1} become {@code {"batch": {"lot": "L1"}}}. */
    private static String containment(String field, String value) {
        String[] path = field.split("\\.");
        ObjectNode root = CanonicalJson.mapper().createObjectNode();
        ObjectNode level = root;
        for (int i = 0; i < path.length - 1; i++) {
            level = level.putObject(path[i]);
        }
        level.put(path[path.length - 1], value);
        return root.toString();
    }
}
