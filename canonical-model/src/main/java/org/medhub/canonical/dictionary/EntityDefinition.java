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
        return FieldDefinition.leafType(fields, path);
    }

    /** The system of record of a top-level field. */
    public SystemOfRecord ownerOf(String field) {
        FieldDefinition definition = fields.get(field);
        return definition == null || definition.owner() == null ? owner : definition.owner();
    }
}
