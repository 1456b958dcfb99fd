package org.medhub.routes.customs;

/**
 * One thing a declaration must not leave with: which rule, which field of the declaration, the value found and what
 * was expected instead.
 *
 * @param field the path in the declaration, e.g. {@code lines[2].hsCode}
 */
public record Finding(String rule, String field, String value, String expected) {

    @Override
    public String toString() {
        return rule + ": " + field + (value == null ? "" : " = '" + value + "'") + ": expected " + expected;
    }
}
