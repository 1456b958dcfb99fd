package org.medhub.canonical.gs1;

import java.util.Optional;
import org.medhub.canonical.validation.Violation;

/**
 * The GS1 mod-10 check digit of GTIN, SSCC, GLN, GSRN, GDTI and the other numeric GS1 keys:
 * weights 3, 1, 3, 1… from the right over the digits before the check digit,
 * check = (10 − sum mod 10) mod 10.
 */
public final class Gs1CheckDigit {

    private Gs1CheckDigit() {}

    /** The check digit for {@code digitsWithoutCheck}; refuses anything but ASCII digits. */
    public static int compute(String digitsWithoutCheck) {
        int sum = 0;
        for (int i = 0; i < digitsWithoutCheck.length(); i++) {
            char c = digitsWithoutCheck.charAt(digitsWithoutCheck.length() - 1 - i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at position " + (digitsWithoutCheck.length() - 1 - i)
                        + " of " + digitsWithoutCheck);
            }
            sum += (i % 2 == 0) ? (c - '0') * 3 : c - '0';
        }
        return (10 - sum % 10) % 10;
    }

    /** True when {@code digitsWithCheck} is one or more digits whose last digit is the check digit of the others. */
    public static boolean isValid(String digitsWithCheck) {
        return digitsWithCheck != null && problem(digitsWithCheck).isEmpty();
    }

    /**
     * The broken rule, if any: {@code too-short-for-check-digit}, {@code non-digit-character} or
     * {@code incorrect-check-digit} (the names of the GS1 syntax engine's csum linter errors).
     */
    public static Optional<Violation> check(String field, String value) {
        return problem(value).map(p -> p.toViolation(field, value));
    }

    /** A GS1 key of fixed length with a check digit in last position, such as an SSCC or a GLN. */
    static Optional<Violation> checkKey(String field, String value, int length, String keyName) {
        if (value == null) {
            return Optional.of(Violation.required(field));
        }
        if (value.length() != length) {
            return Optional.of(new Violation(field, "length", value,
                    field + " must be " + length + " digits (" + keyName + "), not " + value.length()));
        }
        return check(field, value);
    }

    static Optional<LintProblem> problem(String value) {
        if (value.isEmpty()) {
            return Optional.of(new LintProblem("too-short-for-check-digit", "is empty, so has no check digit"));
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.of(LintProblem.nonDigit(value, i));
            }
        }
        int expected = compute(value.substring(0, value.length() - 1));
        int actual = value.charAt(value.length() - 1) - '0';
        if (expected != actual) {
            return Optional.of(new LintProblem("incorrect-check-digit",
                    "has check digit " + actual + " where " + expected + " is expected"));
        }
        return Optional.empty();
    }
}
