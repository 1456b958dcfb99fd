package org.medhub.hub.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.canonical.validation.Violation;

/** What a password must be: long enough to resist guessing, not the user's name, and plain text. */
final class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordRules() {}

    static List<Violation> check(String username, String password) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            violations.add(new Violation("password", "min-length", null,
                    "password must be at least " + MIN_LENGTH + " characters"));
            return violations;
        }
        PrintableText.check("password", password, MAX_LENGTH).map(v -> new Violation(v.field(), v.rule(), null, v.message()))
                .ifPresent(violations::add);
        if (username != null && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("password", "not-username", null, "password must not contain the user name"));
        }
        if (password.chars().distinct().count() < 5) {
            violations.add(new Violation("password", "variety", null, "password must use at least 5 different characters"));
        }
        return violations;
    }
}
