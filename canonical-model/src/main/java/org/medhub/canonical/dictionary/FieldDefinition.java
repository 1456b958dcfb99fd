package org.medhub.canonical.dictionary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One field of an entity (or of a nested object, or the items of a list), as the dictionary defines
 * it. Which of the optional parts apply depends on the type; see the format in the module README.
 *
 * @param fields the nested fields of an {@code object}, in declaration order
 * @param items what a {@code list} holds
 * @param compiledPattern {@code pattern} compiled once when the dictionary is read, so validation does not recompile it
 */
public record FieldDefinition(
        String name,
        FieldType type,
        String description,
        SystemOfRecord owner,
        boolean required,
        Integer minLength,
        Integer maxLength,
        String pattern,
        String format,
        BigDecimal minimum,
        BigDecimal maximum,
        Integer precision,
        Integer scale,
        List<String> values,
        String dimension,
        String entity,
        Map<String, FieldDefinition> fields,
        FieldDefinition items,
        Integer minItems,
        Integer maxItems,
        Pattern compiledPattern) {

    /**
     * The type of the value a mapping may put at a dotted path of these fields: scalars, the parts of a
     * quantity ({@code value}, {@code unit}) or money ({@code amount}, {@code currency}), through nested
     * objects; empty when the path names no such value (a list is filled whole, not by a dotted path).
     */
    public static Optional<FieldType> leafType(Map<String, FieldDefinition> fields, String path) {
        Map<String, FieldDefinition> level = fields;
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            FieldDefinition field = level.get(parts[i]);
            if (field == null) {
                return Optional.empty();
            }
            boolean last = i == parts.length - 1;
            switch (field.type()) {
                case OBJECT -> {
                    if (last) {
                        return Optional.empty();
                    }
                    level = field.fields();
                }
                case QUANTITY -> {
                    return i == parts.length - 2 ? switch (parts[i + 1]) {
                        case "value" -> Optional.of(FieldType.DECIMAL);
                        case "unit" -> Optional.of(FieldType.STRING);
                        default -> Optional.empty();
                    } : Optional.empty();
                }
                case MONEY -> {
                    return i == parts.length - 2 ? switch (parts[i + 1]) {
                        case "amount" -> Optional.of(FieldType.DECIMAL);
                        case "currency" -> Optional.of(FieldType.STRING);
                        default -> Optional.empty();
                    } : Optional.empty();
                }
                case LIST -> {
                    return Optional.empty();
                }
                default -> {
                    return last ? Optional.of(field.type()) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
