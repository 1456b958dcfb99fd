package org.medhub.canonical.dictionary;

import java.util.List;

/**
 * A rule between fields of one record.
 *
 * @param rule {@code not-before}: {@code field} is not before {@code reference}; {@code required-when}:
 *     {@code field} is required when {@code whenField} has one of {@code whenIn}
 */
public record CrossFieldRule(String rule, String field, String reference, String whenField, List<String> whenIn) {

    public static final String NOT_BEFORE = "not-before";
    public static final String REQUIRED_WHEN = "required-when";
}
