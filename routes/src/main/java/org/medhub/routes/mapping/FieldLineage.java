package org.medhub.routes.mapping;

/**
 * Why a canonical field has its value: the rule that made it and, when it was read from the source, the value
 * as the source wrote it and where.
 *
 * @param rule what the mapping did, e.g. {@code records[0].fields.status: path $.state, codes 放行 → RELEASED}
 * @param sourceValue the value as read, before any transform; null for a constant or a default
 * @param location where it was read; {@link SourceLocation#NONE} for a constant or a default
 */
public record FieldLineage(String rule, String sourceValue, SourceLocation location) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(rule);
        if (sourceValue != null) {
            text.append(" ← '").append(sourceValue).append('\'');
        }
        if (location != null && !location.equals(SourceLocation.NONE)) {
            text.append(" at ").append(location);
        }
        return text.toString();
    }
}
