package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link CanonicalLookup} over records held in memory: for the command line and for tests. */
public final class InMemoryCanonicalLookup implements CanonicalLookup {

    private record Entry(String entity, JsonNode record) {}

    private final List<Entry> records = new ArrayList<>();

    /** The records of {@code {"Product": [{…}, …], "Partner": […]}}: records by entity. */
    public static InMemoryCanonicalLookup of(JsonNode byEntity) {
        InMemoryCanonicalLookup lookup = new InMemoryCanonicalLookup();
        byEntity.fields().forEachRemaining(entity -> entity.getValue().forEach(r -> lookup.add(entity.getKey(), r)));
        return lookup;
    }

    public InMemoryCanonicalLookup add(String entity, JsonNode record) {
        records.add(new Entry(entity, record));
        return this;
    }

    @Override
    public Optional<JsonNode> find(String entity, String field, String value) {
        String pointer = "/" + field.replace('.', '/');
        return records.stream()
                .filter(e -> e.entity().equals(entity))
                .map(Entry::record)
                .filter(r -> r.at(pointer).isValueNode() && r.at(pointer).asText().equals(value))
                .findFirst();
    }
}
