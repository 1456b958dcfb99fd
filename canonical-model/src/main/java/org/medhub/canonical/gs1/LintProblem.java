package org.medhub.canonical.gs1;

import org.medhub.canonical.validation.Violation;

/**
 * What a GS1 linter found wrong with a value: the rule, named after the GS1 syntax engine's linter error
 * in kebab case (GS1_LINTER_ILLEGAL_MONTH is {@code illegal-month}), and the rest of a sentence.
 */
record LintProblem(String rule, String message) {

    static LintProblem nonDigit(String value, int position) {
        return new LintProblem("non-digit-character",
                "has the non-digit '" + value.charAt(position) + "' at position " + (position + 1));
    }

    Violation toViolation(String field, String value) {
        return new Violation(field, rule, value, field + " " + quoted(value) + " " + message);
    }

    static String quoted(String value) {
        return "'" + value + "'";
    }
}
