package org.medhub.routes.mapping.internal;

import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.dictionary.FieldDefinition;
import org.medhub.canonical.dictionary.FieldType;

/**
 * The type of the value a mapping may put at a dotted path of an entity or of a list's items: scalars, the
 * parts of a quantity ({@code value}, {@code unit}) or money ({@code amount}, {@code currency}), through nested
 * objects. A list field is filled whole by a rule with {@code forEach}.
 */
public final class Targets {

    private Targets() {}

    public static Optional<FieldType> leaf(Map<String, FieldDefinition> fields, String path) {
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

    /** The definition of the list field at {@code path} (top-level or inside objects), if it is one. */
    public static Optional<FieldDefinition> list(Map<String, FieldDefinition> fields, String path) {
        Map<String, FieldDefinition> level = fields;
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            FieldDefinition field = level.get(parts[i]);
            if (field == null) {
                return Optional.empty();
            }
            if (i == parts.length - 1) {
                return field.type() == FieldType.LIST ? Optional.of(field) : Optional.empty();
            }
            if (field.type() != FieldType.OBJECT) {
                return Optional.empty();
            }
            level = field.fields();
        }
        return Optional.empty();
    }
}
