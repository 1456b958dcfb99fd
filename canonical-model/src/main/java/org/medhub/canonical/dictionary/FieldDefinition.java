package org.medhub.canonical.dictionary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One field of an entity (or of a nested object, or the items of a list), as the dictionary defines
 * it. Which of the optional parts apply depends on the type; see the format in the module README.
 *
 * @param fields the nested fields of an {@code object}, in declaration order
 * @param items what a {@code list} holds
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
        Integer maxItems) {}
