package org.medhub.canonical.gs1;

import java.util.Optional;
import org.medhub.canonical.validation.Violation;

/** GS1 Serial Shipping Container Code (AI 00): 18 digits, the last a GS1 check digit. Identifies a logistic unit. */
public final class Sscc {

    public static final int LENGTH = 18;

    private Sscc() {}

    public static boolean isValid(String value) {
        return check("sscc", value).isEmpty();
    }

    /** {@code required}, {@code length}, {@code non-digit-character} or {@code incorrect-check-digit}. */
    public static Optional<Violation> check(String field, String value) {
        return Gs1CheckDigit.checkKey(field, value, LENGTH, "SSCC");
    }
}
