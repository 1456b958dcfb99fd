package org.medhub.canonical.dictionary;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medhub.canonical.validation.Violation;

/**
 * One entity of the data dictionary: its name, schema version, Java type, business key and rules.
 *
 * @param topicName the suffix of its canonical topic, {@code medhub.canonical.<topicName>}
 */
public record Entity<T extends Record>(
        String name,
        int schemaVersion,
        String topicName,
        Class<T> javaType,
        Function<T, String> businessKey,
        Function<T, List<Violation>> rules) {

    /** The entity's fields by name, in declaration order, with their Java types. */
    public Map<String, Class<?>> fields() {
        Map<String, Class<?>> fields = new LinkedHashMap<>();
        Arrays.stream(javaType.getRecordComponents()).forEach(c -> fields.put(c.getName(), c.getType()));
        return fields;
    }

    RecordComponent[] components() {
        return javaType.getRecordComponents();
    }
}
