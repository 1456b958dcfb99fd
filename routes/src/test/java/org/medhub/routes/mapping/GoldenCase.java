package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One golden case: a folder with {@code mapping.yml} (or {@code mapping.ref}, the path of a mapping shipped in
 * {@code config/mappings}), a {@code source.*} file, and what the mapping must make of
 * it, {@code expected.json} (the records) or {@code expected-violations.json} (the problems). An optional
 * {@code lookup.json} holds the canonical records a lookup rule may find, by entity; an optional
 * {@code expected-lineage.json} the lineage of some fields. Adding a case is adding a folder.
 */
record GoldenCase(Path folder) {

    static final ObjectMapper JSON = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** Set to rewrite the expected files from what the engine makes now; review the diff before committing. */
    static final boolean REGENERATE = Boolean.getBoolean("medhub.regenerate");

    static Stream<GoldenCase> all(Path root) {
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory).sorted().map(GoldenCase::new).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return folder.getFileName().toString();
    }

    /** The case's {@code mapping.yml}, or the shipped mapping its {@code mapping.ref} names (relative to the module). */
    Path mapping() {
        Path ref = folder.resolve("mapping.ref");
        if (Files.exists(ref)) {
            try {
                return Path.of(Files.readString(ref).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder.resolve("mapping.yml");
    }

    Path source() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("source.")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(folder + " has no source.* file"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CanonicalLookup lookup() {
        Path file = folder.resolve("lookup.json");
        InMemoryCanonicalLookup lookup = new InMemoryCanonicalLookup();
        if (Files.exists(file)) {
            read(file).fields().forEachRemaining(entity -> entity.getValue().forEach(r -> lookup.add(entity.getKey(), r)));
        }
        return lookup;
    }

    Optional<JsonNode> expected(String name) {
        Path file = folder.resolve(name);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    void write(String name, JsonNode value) {
        try {
            Files.writeString(folder.resolve(name), JSON.writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers as decimals of their written scale: 1200 as int or as BigInteger is the same value, 12.50 is not 12.5. */
    static JsonNode normalized(JsonNode node) {
        if (node.isNumber()) {
            return JsonNodeFactory.withExactBigDecimals(true).numberNode(node.decimalValue());
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), normalized(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(normalized(item)));
            return copy;
        }
        return node;
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records as the expected file holds them: entity, source id, time, mapping and the canonical record. */
    static ArrayNode records(List<MappedRecord> records) {
        ArrayNode array = JSON.createArrayNode();
        for (MappedRecord record : records) {
            ObjectNode node = array.addObject();
            node.put("entity", record.entity());
            if (record.sourceId() != null) {
                node.put("sourceId", record.sourceId());
            }
            if (record.occurredAt() != null) {
                node.put("occurredAt", record.occurredAt().toString());
            }
            node.put("rule", record.rule());
            node.put("mapping", record.mapping().id() + " v" + record.mapping().version());
            node.set("record", record.canonical());
        }
        return array;
    }

    static ArrayNode violations(List<MappingViolation> violations) {
        ArrayNode array = JSON.createArrayNode();
        for (MappingViolation v : violations) {
            ObjectNode node = array.addObject();
            node.put("record", v.record());
            node.put("item", v.item());
            node.put("field", v.field());
            node.put("rule", v.rule());
            if (v.value() != null) {
                node.put("value", v.value());
            }
            node.put("location", v.location().toString());
        }
        return array;
    }

    static ObjectNode lineage(List<MappedRecord> records) {
        ObjectNode all = JSON.createObjectNode();
        for (MappedRecord record : records) {
            ObjectNode one = all.putObject(record.rule() + " #" + record.index());
            for (Map.Entry<String, String> e : record.lineageText().entrySet()) {
                one.put(e.getKey(), e.getValue());
            }
        }
        return all;
    }
}
