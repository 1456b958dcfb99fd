package org.medhub.canonical.gs1;

import java.time.Clock;
import java.time.Year;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medhub.canonical.reference.CountryCode;

/**
 * The content checks ("linters") that the GS1 Barcode Syntax Dictionary names for AI components, following the
 * reference implementations in the GS1 Barcode Syntax Engine. Error rules carry the engine's names in kebab case.
 */
final class Gs1Linters {

    /**
     * Linters the dictionary names that we do not run, and why. Loading a table that names a linter in neither
     * list fails, so a new dictionary release forces a decision instead of silently skipping a check.
     */
    static final Map<String, String> NOT_IMPLEMENTED = Map.of(
            "gcppos1", "needs the GS1 Company Prefix allocation list",
            "gcppos2", "needs the GS1 Company Prefix allocation list",
            "iso3166", "needs ISO 3166 numeric country codes, which the JDK does not carry",
            "iso3166999", "needs ISO 3166 numeric country codes, which the JDK does not carry",
            "importeridx", "needs the GS1 importer index code list",
            "packagetype", "needs the UN/ECE Recommendation 21 package type list",
            "mediatype", "needs the ICCBBA/GS1 AIDC media type list",
            "couponcode", "North American coupon syntax, out of scope for medical devices",
            "couponposoffer", "North American coupon syntax, out of scope for medical devices");

    private static final String CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String CSET64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String CSET32 = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final int[] PRIMES = {
        2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97};

    private static final Set<String> CURRENCY_NUMERIC_CODES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getNumericCodeAsString)
            .filter(code -> !code.equals("000"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Map<String, Function<String, Optional<LintProblem>>> LINTERS = Map.ofEntries(
            Map.entry("csum", Gs1CheckDigit::problem),
            Map.entry("csumalpha", Gs1Linters::checkCharacterPair),
            Map.entry("yymmd0", v -> Gs1Date.lintYymmd0(v, Year.now(Clock.systemUTC()))),
            Map.entry("yymmdd", v -> Gs1Date.lintYymmdd(v, Year.now(Clock.systemUTC()))),
            Map.entry("yyyymmdd", Gs1Date::lintYyyymmdd),
            Map.entry("hh", v -> twoDigitsUpTo(v, 23, "hour")),
            Map.entry("mi", v -> twoDigitsUpTo(v, 59, "minute")),
            Map.entry("ss", v -> twoDigitsUpTo(v, 59, "second")),
            Map.entry("hhmi", Gs1Linters::hourMinute),
            Map.entry("zero", v -> v.isEmpty() || !v.chars().allMatch(c -> c == '0')
                    ? Optional.of(new LintProblem("not-zero", "must be 0")) : Optional.empty()),
            Map.entry("nonzero", Gs1Linters::nonZero),
            Map.entry("nozeroprefix", Gs1Linters::noZeroPrefix),
            Map.entry("hasnondigit", v -> v.isEmpty() || allDigits(v)
                    ? Optional.of(new LintProblem("requires-non-digit-character", "must contain a non-digit"))
                    : Optional.empty()),
            Map.entry("yesno", v -> v.equals("0") || v.equals("1") ? Optional.empty()
                    : Optional.of(new LintProblem("not-zero-or-one", "must be 0 or 1"))),
            Map.entry("hyphen", v -> !v.isEmpty() && v.chars().allMatch(c -> c == '-') ? Optional.empty()
                    : Optional.of(new LintProblem("not-hyphen", "must be '-'"))),
            Map.entry("winding", v -> v.equals("0") || v.equals("1") || v.equals("9") ? Optional.empty()
                    : Optional.of(new LintProblem("invalid-winding-direction", "must be 0, 1 or 9"))),
            Map.entry("iso5218", v -> v.length() == 1 && "0129".contains(v) ? Optional.empty()
                    : Optional.of(new LintProblem("invalid-biological-sex-code", "must be 0, 1, 2 or 9 (ISO 5218)"))),
            Map.entry("pieceoftotal", Gs1Linters::pieceOfTotal),
            Map.entry("posinseqslash", Gs1Linters::positionInSequence),
            Map.entry("pcenc", Gs1Linters::percentEncoding),
            Map.entry("latitude", v -> degrees(v, 1_800_000_000L, "latitude")),
            Map.entry("longitude", v -> degrees(v, 3_600_000_000L, "longitude")),
            Map.entry("iso3166alpha2", v -> CountryCode.isValid(v) ? Optional.empty()
                    : Optional.of(new LintProblem("not-iso3166-alpha2", "is not an ISO 3166-1 alpha-2 country code"))),
            Map.entry("iso4217", v -> CURRENCY_NUMERIC_CODES.contains(v) ? Optional.empty()
                    : Optional.of(new LintProblem("not-iso4217", "is not an ISO 4217 numeric currency code"))),
            Map.entry("iban", Gs1Linters::iban));

    private Gs1Linters() {}

    static boolean isKnown(String linter) {
        return LINTERS.containsKey(linter) || NOT_IMPLEMENTED.containsKey(linter);
    }

    /** Runs the named linter; linters in {@link #NOT_IMPLEMENTED} pass everything. */
    static Optional<LintProblem> run(String linter, String value) {
        Function<String, Optional<LintProblem>> check = LINTERS.get(linter);
        return check == null ? Optional.empty() : check.apply(value);
    }

    static Optional<LintProblem> characterSet(AiComponent.CharacterSet set, String value) {
        switch (set) {
            case NUMERIC -> {
                for (int i = 0; i < value.length(); i++) {
                    if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                        return Optional.of(LintProblem.nonDigit(value, i));
                    }
                }
                return Optional.empty();
            }
            case CSET82 -> {
                return inSet(value, CSET82, "invalid-cset82-character", "CSET 82");
            }
            case CSET39 -> {
                return inSet(value, CSET39, "invalid-cset39-character", "CSET 39");
            }
            default -> {
                int padding = 0;
                while (padding < value.length() && value.charAt(value.length() - 1 - padding) == '=') {
                    padding++;
                }
                if (padding > 2 || (padding > 0 && value.length() % 3 != 0)) {
                    return Optional.of(new LintProblem("invalid-cset64-padding", "has misplaced '=' padding"));
                }
                return inSet(value.substring(0, value.length() - padding), CSET64, "invalid-cset64-character", "CSET 64");
            }
        }
    }

    private static Optional<LintProblem> inSet(String value, String set, String rule, String setName) {
        for (int i = 0; i < value.length(); i++) {
            if (set.indexOf(value.charAt(i)) < 0) {
                return Optional.of(new LintProblem(rule, "has the character '" + printable(value.charAt(i))
                        + "' at position " + (i + 1) + ", which is not in " + setName));
            }
        }
        return Optional.empty();
    }

    static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\x%02X", (int) c) : String.valueOf(c);
    }

    /** The check character pair of a GMN (AI 8013) and MUDI (8014), GS1 General Specifications 7.9.5. */
    private static Optional<LintProblem> checkCharacterPair(String value) {
        if (value.length() < 2) {
            return Optional.of(new LintProblem("too-short-for-check-pair", "is too short to carry a check pair"));
        }
        if (value.length() > PRIMES.length + 2) {
            return Optional.of(new LintProblem("too-long-for-check-pair-implementation", "is too long for a check pair"));
        }
        int sum = 0;
        int dataLength = value.length() - 2;
        for (int i = 0; i < dataLength; i++) {
            int weight = CSET82.indexOf(value.charAt(i));
            if (weight < 0) {
                return Optional.of(new LintProblem("invalid-cset82-character",
                        "has the character '" + printable(value.charAt(i)) + "', which is not in CSET 82"));
            }
            sum += weight * PRIMES[dataLength - 1 - i];
        }
        sum %= 1021;
        String expected = "" + CSET32.charAt(sum >> 5) + CSET32.charAt(sum & 31);
        return value.endsWith(expected) ? Optional.empty()
                : Optional.of(new LintProblem("incorrect-check-pair", "must end in the check pair " + expected));
    }

    private static Optional<LintProblem> twoDigitsUpTo(String value, int max, String what) {
        if (value.length() != 2) {
            return Optional.of(new LintProblem(what + (value.length() < 2 ? "-too-short" : "-too-long"),
                    "must be a 2-digit " + what));
        }
        if (!allDigits(value)) {
            return Optional.of(new LintProblem("non-digit-character", "must be a 2-digit " + what));
        }
        return Integer.parseInt(value) > max
                ? Optional.of(new LintProblem("illegal-" + what, "has " + what + " " + value + " beyond " + max))
                : Optional.empty();
    }

    private static Optional<LintProblem> hourMinute(String value) {
        if (value.length() != 4) {
            return Optional.of(new LintProblem(value.length() < 4 ? "hour-with-minute-too-short"
                    : "hour-with-minute-too-long", "must be 4 digits HHMM"));
        }
        return twoDigitsUpTo(value.substring(0, 2), 23, "hour").or(() -> twoDigitsUpTo(value.substring(2), 59, "minute"));
    }

    private static Optional<LintProblem> nonZero(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.of(LintProblem.nonDigit(value, i));
            }
        }
        return value.chars().allMatch(c -> c == '0')
                ? Optional.of(new LintProblem("illegal-zero-value", "must not be zero")) : Optional.empty();
    }

    private static Optional<LintProblem> noZeroPrefix(String value) {
        if (value.startsWith("0")) {
            return Optional.of(new LintProblem("illegal-zero-prefix", "must not start with 0"));
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.of(LintProblem.nonDigit(value, i));
            }
        }
        return Optional.empty();
    }

    private static Optional<LintProblem> pieceOfTotal(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.of(LintProblem.nonDigit(value, i));
            }
        }
        if (value.isEmpty() || value.length() % 2 != 0) {
            return Optional.of(new LintProblem("invalid-length-for-piece-of-total", "must be piece and total of equal length"));
        }
        String piece = value.substring(0, value.length() / 2);
        String total = value.substring(value.length() / 2);
        if (piece.chars().allMatch(c -> c == '0')) {
            return Optional.of(new LintProblem("zero-piece-number", "has piece number zero"));
        }
        if (total.chars().allMatch(c -> c == '0')) {
            return Optional.of(new LintProblem("zero-total-pieces", "has total pieces zero"));
        }
        return piece.compareTo(total) > 0
                ? Optional.of(new LintProblem("piece-number-exceeds-total", "has piece " + piece + " of only " + total))
                : Optional.empty();
    }

    private static Optional<LintProblem> positionInSequence(String value) {
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1
                || !allDigits(value.substring(0, slash)) || !allDigits(value.substring(slash + 1))) {
            return Optional.of(new LintProblem("position-in-sequence-malformed", "must be position/end, e.g. 1/2"));
        }
        String position = value.substring(0, slash);
        String end = value.substring(slash + 1);
        if (position.startsWith("0") || end.startsWith("0")) {
            return Optional.of(new LintProblem("illegal-zero-prefix", "must not have numbers starting with 0"));
        }
        boolean exceeds = position.length() > end.length()
                || (position.length() == end.length() && position.compareTo(end) > 0);
        return exceeds ? Optional.of(new LintProblem("position-exceeds-end", "has a position beyond the end"))
                : Optional.empty();
    }

    private static Optional<LintProblem> percentEncoding(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    return Optional.of(new LintProblem("invalid-percent-sequence",
                            "has a '%' at position " + (i + 1) + " not followed by two hex digits"));
                }
                i += 2;
            }
        }
        return Optional.empty();
    }

    private static Optional<LintProblem> degrees(String value, long max, String what) {
        if (value.length() != 10) {
            return Optional.of(new LintProblem(what + "-invalid-length", "must be 10 digits"));
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return Optional.of(LintProblem.nonDigit(value, i));
            }
        }
        return Long.parseLong(value) > max
                ? Optional.of(new LintProblem("invalid-" + what, "is out of range for a " + what))
                : Optional.empty();
    }

    static boolean allDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** ISO 13616 IBAN (AI 8007): country code, then mod 97 over the rearranged characters must be 1. */
    private static Optional<LintProblem> iban(String value) {
        if (value.length() < 4) {
            return Optional.of(new LintProblem("iban-too-short", "is too short for an IBAN"));
        }
        if (!CountryCode.isValid(value.substring(0, 2))) {
            return Optional.of(new LintProblem("illegal-iban-country-code", "does not start with a country code"));
        }
        if (value.length() > 34) {
            return Optional.of(new LintProblem("iban-too-long", "is longer than 34 characters"));
        }
        if (value.length() <= 5) {
            return Optional.of(new LintProblem("iban-too-short", "is too short for an IBAN"));
        }
        String rearranged = value.substring(4) + value.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int digitValue;
            if (c >= '0' && c <= '9') {
                digitValue = c - '0';
                remainder = (remainder * 10 + digitValue) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                digitValue = c - 'A' + 10;
                remainder = (remainder * 100 + digitValue) % 97;
            } else {
                return Optional.of(new LintProblem("invalid-iban-character", "has '" + printable(c) + "', not A-Z or 0-9"));
            }
        }
        return remainder == 1 ? Optional.empty()
                : Optional.of(new LintProblem("incorrect-iban-checksum", "has a wrong IBAN check number"));
    }
}
