package org.medhub.canonical.reference;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * An ISO 4217 currency code in circulation, such as {@code CNY} or {@code EUR}, for prices, invoices and customs
 * declarations. Source: the JDK's ISO 4217 data in {@link Currency}. A code counts as in circulation when it is the
 * current currency of at least one ISO 3166 country by the JDK's country table; that refuses withdrawn currencies
 * ({@code DEM}), fund and accounting codes ({@code USN}, {@code CHE}), metals ({@code XAU}) and {@code XTS}/{@code XXX}.
 */
public record CurrencyCode(String code) {

    public static final String ENTITY = "currency code";
    private static final Set<String> KNOWN = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> IN_CIRCULATION = inCirculation();

    public CurrencyCode {
        Optional<Violation> violation = check("currency", code);
        if (violation.isPresent()) {
            throw new InvalidRecordException(ENTITY, List.of(violation.get()));
        }
    }

    public static CurrencyCode parse(String code) {
        return new CurrencyCode(code);
    }

    public static boolean isValid(String code) {
        return check("currency", code).isEmpty();
    }

    /**
     * {@code required}, {@code format} (not three letters A-Z), {@code unknown-currency}, or
     * {@code not-in-circulation} for an ISO 4217 code that no country uses today.
     */
    public static Optional<Violation> check(String field, String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of(Violation.required(field));
        }
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            return Optional.of(new Violation(field, "format", code,
                    field + " '" + code + "' must be three capital letters (ISO 4217)"));
        }
        if (!KNOWN.contains(code)) {
            return Optional.of(new Violation(field, "unknown-currency", code,
                    field + " '" + code + "' is not an ISO 4217 currency code"));
        }
        if (!IN_CIRCULATION.contains(code)) {
            return Optional.of(new Violation(field, "not-in-circulation", code, field + " '" + code
                    + "' is an ISO 4217 code but no country's current currency (withdrawn, a fund or a special code)"));
        }
        return Optional.empty();
    }

    /** Digits after the decimal point in amounts, e.g. 2 for CNY, 0 for JPY. */
    public int minorUnits() {
        return Currency.getInstance(code).getDefaultFractionDigits();
    }

    /** The ISO 4217 numeric code, e.g. {@code 156} for CNY, as GS1 AIs 391n and 393n carry it. */
    public String numericCode() {
        return Currency.getInstance(code).getNumericCodeAsString();
    }

    private static Set<String> inCirculation() {
        Set<String> codes = new HashSet<>();
        for (String country : Locale.getISOCountries()) {
            try {
                Currency currency = Currency.getInstance(new Locale("", country));
                if (currency != null) {
                    codes.add(currency.getCurrencyCode());
                }
            } catch (IllegalArgumentException e) {
                // the JDK has no currency data for this country (e.g. Antarctica); it contributes none
            }
        }
        return Set.copyOf(codes);
    }

    @Override
    public String toString() {
        return code;
    }
}
