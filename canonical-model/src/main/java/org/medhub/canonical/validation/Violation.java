package org.medhub.canonical.validation;

/**
 * One broken rule in one record: where (a field path such as {@code quantity.unit}), which rule,
 * the offending value as received, and a sentence for a person.
 */
public record Violation(String field, String rule, Object value, String message) {

    public static Violation required(String field) {
        return new Violation(field, "required", null, field + " is required");
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + rule + "]";
    }
}
