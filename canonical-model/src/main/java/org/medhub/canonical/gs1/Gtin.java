package org.medhub.canonical.gs1;

import java.util.Optional;
import org.medhub.canonical.validation.Violation;

/**
 * GS1 Global Trade Item Number. The canonical form is GTIN-14 (AI 01); GTIN-8, GTIN-12 (UPC-A) and
 * GTIN-13 (EAN-13) are the same number with leading zeros dropped, so they pad to 14 without a new check digit.
 */
public final class Gtin {

    private Gtin() {}

    /** True when {@code value} is exactly 14 digits whose last digit is the GS1 check digit of the others. */
    public static boolean isValid(String value) {
        return value != null && value.length() == 14 && Gs1CheckDigit.isValid(value);
    }

    /** The GS1 check digit of a digit string: weights 3,1,3,1… from the right. */
    public static int checkDigit(String digitsWithoutCheck) {
        return Gs1CheckDigit.compute(digitsWithoutCheck);
    }

    /** True for a GTIN-8, GTIN-12, GTIN-13 or GTIN-14 with a correct check digit. */
    public static boolean isValidAnyLength(String value) {
        return check("gtin", value).isEmpty();
    }

    /** The GTIN-14 form of a GTIN-8, -12, -13 or -14; refuses anything else. */
    public static String toGtin14(String value) {
        check("gtin", value).ifPresent(v -> {
            throw new IllegalArgumentException(v.message());
        });
        return "0".repeat(14 - value.length()) + value;
    }

    /**
     * What is wrong with {@code value} as a GTIN of any length: {@code required}, {@code length} (not 8, 12, 13
     * or 14 characters), {@code non-digit-character} or {@code incorrect-check-digit}.
     */
    public static Optional<Violation> check(String field, String value) {
        if (value == null) {
            return Optional.of(Violation.required(field));
        }
        int length = value.length();
        if (length != 8 && length != 12 && length != 13 && length != 14) {
            return Optional.of(new Violation(field, "length", value,
                    field + " must be a GTIN of 8, 12, 13 or 14 digits, not " + length + " characters"));
        }
        return Gs1CheckDigit.check(field, value);
    }
}
