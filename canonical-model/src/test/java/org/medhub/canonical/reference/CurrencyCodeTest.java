package org.medhub.canonical.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medhub.canonical.validation.Violation;

class CurrencyCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"CNY", "EUR", "USD", "JPY", "HKD", "CHF", "GBP"})
    void acceptsCurrenciesInCirculation(String code) {
        assertThat(CurrencyCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "DEM, not-in-circulation",
        "USN, not-in-circulation",
        "XAU, not-in-circulation",
        "XXX, not-in-circulation",
        "XTS, not-in-circulation",
        "RMB, unknown-currency",
        "cny, format",
        "CN, format"
    })
    void rejectsOtherCodesNamingTheRule(String code, String rule) {
        assertThat(CurrencyCode.check("tradeCurrency", code)).map(Violation::rule).contains(rule);
    }

    @Test
    void knowsMinorUnitsAndTheNumericCode() {
        assertThat(CurrencyCode.parse("CNY").minorUnits()).isEqualTo(2);
        assertThat(CurrencyCode.parse("JPY").minorUnits()).isZero();
        assertThat(CurrencyCode.parse("CNY").numericCode()).isEqualTo("156");
    }
}
