package org.medhub.routes.mapping;

import org.medhub.canonical.validation.Violation;

/**
 * One thing wrong with one mapped record: which record rule and which of the records it made, which
 * canonical field, which rule (a mapping rule such as {@code code-list}, or a dictionary rule such as
 * {@code required}), the offending value, and where in the source it was.
 *
 * @param record the record rule, {@code records[1]}; empty for a problem of the whole document
 * @param item the 0-based position of the source record among those the rule's {@code forEach} selected, or -1
 * @param field the canonical field path, {@code lines[2].quantity.value}; empty for a problem of the whole document
 */
public record MappingViolation(
        String record, int item, String field, String rule, String value, SourceLocation location, String message) {

    public MappingViolation {
        record = record == null ? "" : record;
        field = field == null ? "" : field;
        location = location == null ? SourceLocation.NONE : location;
    }

    /** A problem of the document as a whole: it is not well-formed, or not of the format the mapping reads. */
    public static MappingViolation ofDocument(String rule, SourceLocation location, String message) {
        return new MappingViolation("", -1, "", rule, null, location, message);
    }

    /** As a dictionary-style violation, with the source location in the message (for the ledger and problem responses). */
    public Violation toViolation() {
        return new Violation(field, rule, value, message + (location.equals(SourceLocation.NONE) ? "" : " at " + location));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (!record.isEmpty()) {
            text.append(record);
            if (item >= 0) {
                text.append(" #").append(item);
            }
            text.append(": ");
        }
        if (!field.isEmpty()) {
            text.append(field).append(": ");
        }
        text.append(message).append(" [").append(rule).append(']');
        if (!location.equals(SourceLocation.NONE)) {
            text.append(" at ").append(location);
        }
        return text.toString();
    }
}
