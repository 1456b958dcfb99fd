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
        return FieldDefinition.leafType(fields, path);
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
