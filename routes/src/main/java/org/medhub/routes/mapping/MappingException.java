package org.medhub.routes.mapping;

import java.util.List;

/**
 * A source document could not be mapped: it is not well-formed, not of the mapping's format, or a rule
 * found no usable value, or a record it made breaks the data dictionary. Every problem of the document is
 * listed, each with its place in the source; a document maps whole or not at all.
 */
public class MappingException extends RuntimeException {

    private final List<MappingViolation> violations;

    public MappingException(String message, List<MappingViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public MappingException(String message) {
        this(message, List.of());
    }

    /** Every problem found; empty when the document could not be read at all (the message says why). */
    public List<MappingViolation> violations() {
        return violations;
    }

    /** The message and every violation, one a line: what a person at a terminal needs. */
    public String describe() {
        StringBuilder text = new StringBuilder(getMessage());
        violations.forEach(v -> text.append(System.lineSeparator()).append("  ").append(v));
        return text.toString();
    }
}
