package org.medhub.canonical.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * An ISO 3166-1 alpha-2 country code such as {@code CN} or {@code DE}. The list is the JDK's copy of ISO 3166-1,
 * {@link Locale#getISOCountries(Locale.IsoCountryCode)} with {@code PART1_ALPHA2}: officially assigned codes only,
 * so user-assigned ones such as {@code XK} (Kosovo) and reserved ones such as {@code UK} or {@code EU} are refused.
 * It follows the JDK release, which tracks ISO's changes.
 */
public record CountryCode(String code) {

    public static final String ENTITY = "country code";
    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        Optional<Violation> violation = check("country", code);
        if (violation.isPresent()) {
            throw new InvalidRecordException(ENTITY, List.of(violation.get()));
        }
    }

    public static CountryCode parse(String code) {
        return new CountryCode(code);
    }

    public static boolean isValid(String code) {
        return check("country", code).isEmpty();
    }

    /** {@code required}, {@code format} (not two letters A-Z) or {@code unknown-country}. */
    public static Optional<Violation> check(String field, String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(Violation.required(field));
        }
        if (code.length() != 2 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            String hint = code.length() == 2 && CODES.contains(code.toUpperCase(Locale.ROOT))
                    ? " (write it in capitals: " + code.toUpperCase(Locale.ROOT) + ")" : "";
            return Optional.of(new Violation(field, "format", code,
                    field + " '" + code + "' must be two capital letters (ISO 3166-1 alpha-2)" + hint));
        }
        if (!CODES.contains(code)) {
            return Optional.of(new Violation(field, "unknown-country", code,
                    field + " '" + code + "' is not an officially assigned ISO 3166-1 alpha-2 code"));
        }
        return Optional.empty();
    }

    /** The country's English short name, e.g. {@code China}. */
    public String englishName() {
        return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
    }

    @Override
    public String toString() {
        return code;
    }
}
