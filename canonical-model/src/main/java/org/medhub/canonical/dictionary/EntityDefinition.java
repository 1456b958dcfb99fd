package org.medhub.canonical.dictionary;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entity of the data dictionary, as defined in {@code dictionary/<name>.yml}.
 *
 * @param kind {@code master} (the current state matters) or {@code event} (every occurrence matters)
 * @param topic the suffix of its canonical topic, {@code medhub.canonical.<topic>}
 * @param owner the system of record of fields that do not name their own
 */
public record EntityDefinition(
        String name,
        int version,
        String description,
        String kind,
        String topic,
        SystemOfRecord owner,
        BusinessKey businessKey,
        Map<String, FieldDefinition> fields,
        StateMachine stateMachine,
        List<CrossFieldRule> rules) {

    public Optional<StateMachine> lifeCycle() {
        return Optional.ofNullable(stateMachine);
    }

    /**
     * The type of the value a mapping may put at a dotted path of scalars ({@code lot},
     * {@code quantity.value}, {@code address.country}); empty when the path names no such value.
     * Lists are not reachable this way: a mapping fills them whole.
     */
    public Optional<FieldType> leafType(String path) {
        Map<String, FieldDefinition> level = fields;
        String[] parts = path.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            FieldDefinition field = level.get(parts[i]);
            if (field == null) {
                return Optional.empty();
            }
            boolean last = i == parts.length - 1;
            switch (field.type()) {
                case OBJECT -> level = field.fields();
                case QUANTITY, MONEY -> {
                    return i == parts.length - 2 ? compositePart(field.type(), parts[i + 1]) : Optional.empty();
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

    private static Optional<FieldType> compositePart(FieldType type, String part) {
        return switch (part) {
            case "value", "amount" -> Optional.of(FieldType.DECIMAL).filter(t ->
                    part.equals(type == FieldType.QUANTITY ? "value" : "amount"));
            case "unit" -> Optional.of(FieldType.STRING).filter(t -> type == FieldType.QUANTITY);
            case "currency" -> Optional.of(FieldType.STRING).filter(t -> type == FieldType.MONEY);
            default -> Optional.empty();
        };
    }

    /** The system of record of a top-level field. */
    public SystemOfRecord ownerOf(String field) {
        FieldDefinition definition = fields.get(field);
        return definition == null || definition.owner() == null ? owner : definition.owner();
    }
}
