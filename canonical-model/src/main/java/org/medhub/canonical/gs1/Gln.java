package org.medhub.canonical.gs1;

import java.util.Optional;
import org.medhub.canonical.validation.Violation;

/** GS1 Global Location Number (AI 414 and the party AIs 410–417): 13 digits, the last a GS1 check digit. */
public final class Gln {

    public static final int LENGTH = 13;

    private Gln() {}

    public static boolean isValid(String value) {
        return check("gln", value).isEmpty();
    }

    /** {@code required}, {@code length}, {@code non-digit-character} or {@code incorrect-check-digit}. */
    public static Optional<Violation> check(String field, String value) {
        return Gs1CheckDigit.checkKey(field, value, LENGTH, "GLN");
    }
}
