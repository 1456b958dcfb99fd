package org.medhub.canonical.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * Turns a canonical record in JSON form into its Java type and checks it against the dictionary,
 * reporting every wrong type, unknown field and broken rule at once.
 */
public final class RecordBinder {

    private RecordBinder() {}

    public static <T extends Record> T bind(Entity<T> entity, ObjectNode json) {
        ObjectMapper mapper = CanonicalJson.mapper();
        List<Violation> violations = new ArrayList<>();
        RecordComponent[] components = entity.components();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!entity.fields().containsKey(name)) {
                violations.add(new Violation(name, "unknown-field", null,
                        name + " is not a field of " + entity.name()));
            }
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonNode value = json.get(component.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            try {
                values[i] = mapper.convertValue(value, mapper.constructType(component.getGenericType()));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(component.getName(), "type", value.asText(),
                        component.getName() + " must be " + describe(component.getType())));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRecordException(entity.name(), violations);
        }
        T record = construct(entity.javaType(), components, values);
        List<Violation> broken = entity.rules().apply(record);
        if (!broken.isEmpty()) {
            throw new InvalidRecordException(entity.name(), broken);
        }
        return record;
    }

    private static <T> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
            throw new IllegalStateException("canonical type " + type.getName() + " has no usable canonical constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("canonical type " + type.getName() + " refused its values", e.getCause());
        }
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "an ISO-8601 date (yyyy-MM-dd)";
            case "Instant" -> "an ISO-8601 instant with its offset";
            case "BigDecimal", "Integer", "Long", "int", "long" -> "a number";
            default -> "a " + type.getSimpleName();
        };
    }
}
