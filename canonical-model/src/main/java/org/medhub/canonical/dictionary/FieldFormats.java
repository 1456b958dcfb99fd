package org.medhub.canonical.dictionary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.medhub.canonical.customs.HsCode;
import org.medhub.canonical.gs1.Gln;
import org.medhub.canonical.gs1.Gtin;
import org.medhub.canonical.gs1.Sscc;
import org.medhub.canonical.reference.CountryCode;
import org.medhub.canonical.reference.CurrencyCode;
import org.medhub.canonical.registration.NmpaCertificateNumber;
import org.medhub.canonical.udi.Udi;
import org.medhub.canonical.unit.UnitOfMeasure;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * The named formats of dictionary strings, each checked by its domain validator. A broken format is
 * one violation whose rule is the format's name; its message carries the validator's detail.
 */
final class FieldFormats {

    /** GS1 character set 82, which AI 10 (lot) and AI 21 (serial) allow, up to 20 characters. */
    private static final Pattern GS1_CSET82 = Pattern.compile("[!\"%&'()*+,\\-./0-9:;<=>?A-Z_a-z]{1,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final Map<String, BiFunction<String, String, List<Violation>>> CHECKS = Map.ofEntries(
            Map.entry("gtin", (field, value) -> Gtin.isValid(value) ? List.of() : List.of(new Violation(field, "gtin",
                    value, field + " must be a GTIN-14: 14 digits ending in the GS1 check digit"))),
            Map.entry("gln", (field, value) -> list(Gln.check(field, value))),
            Map.entry("sscc", (field, value) -> list(Sscc.check(field, value))),
            Map.entry("gs1-lot", (field, value) -> cset82(field, value, "a lot (GS1 AI 10)")),
            Map.entry("gs1-serial", (field, value) -> cset82(field, value, "a serial number (GS1 AI 21)")),
            Map.entry("udi", FieldFormats::udi),
            Map.entry("hs-code", FieldFormats::hsCode),
            Map.entry("nmpa-registration", NmpaCertificateNumber::check),
            Map.entry("country", (field, value) -> list(CountryCode.check(field, value))),
            Map.entry("currency", (field, value) -> list(CurrencyCode.check(field, value))),
            Map.entry("ucum-unit", (field, value) -> list(UnitOfMeasure.check(field, value))),
            Map.entry("email", (field, value) -> EMAIL.matcher(value).matches() ? List.of()
                    : List.of(new Violation(field, "email", value, field + " must be an e-mail address"))));

    private FieldFormats() {}

    static Optional<Violation> check(String format, String field, String value) {
        List<Violation> found = CHECKS.get(format).apply(field, value);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String detail = found.stream().map(Violation::message).distinct().collect(Collectors.joining("; "));
        return Optional.of(new Violation(field, format, value, detail));
    }

    private static List<Violation> cset82(String field, String value, String what) {
        return GS1_CSET82.matcher(value).matches() ? List.of() : List.of(new Violation(field, "cset82", value,
                field + " must be " + what + ": 1 to 20 characters of GS1 character set 82"));
    }

    private static List<Violation> udi(String field, String value) {
        try {
            Udi.parse(value);
            return List.of();
        } catch (InvalidRecordException e) {
            return e.violations().stream()
                    .map(v -> new Violation(field, v.rule(), value, field + ": " + v.message())).toList();
        }
    }

    /** Partners write 9018.39.00; the canonical record keeps the digits as declared, 9018390000. */
    private static List<Violation> hsCode(String field, String value) {
        if (!value.chars().allMatch(Character::isDigit)) {
            return List.of(new Violation(field, "digits", value, field + " must be digits only, as declared (no dots or spaces)"));
        }
        return HsCode.check(field, value);
    }

    private static List<Violation> list(Optional<Violation> violation) {
        return violation.map(List::of).orElse(List.of());
    }
}
