package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medhub.canonical.validation.Violation;

class CheckDigitTest {

    @ParameterizedTest
    @CsvSource({
        "1234567890123, 1",
        "0950600013435, 2",
        "10614141123456789, 7",
        "541234500001, 3",
        "0234567, 3"
    })
    void computesTheGs1Mod10CheckDigit(String digits, int expected) {
        assertThat(Gs1CheckDigit.compute(digits)).isEqualTo(expected);
        assertThat(Gtin.checkDigit(digits)).isEqualTo(expected);
    }

    @Test
    void refusesToComputeOverNonDigits() {
        assertThatThrownBy(() -> Gs1CheckDigit.compute("12A4")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02345673", "416000336108", "2112345678900", "09506000134352", "12345678901231"})
    void acceptsGtinsOfEveryLength(String gtin) {
        assertThat(Gtin.isValidAnyLength(gtin)).isTrue();
        assertThat(Gtin.check("gtin", gtin)).isEmpty();
    }

    @Test
    void keepsIsValidForGtin14Only() {
        assertThat(Gtin.isValid("12345678901231")).isTrue();
        assertThat(Gtin.isValid("2112345678900")).isFalse();
        assertThat(Gtin.isValid(null)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "12345678901232, incorrect-check-digit",
        "1234567890123A, non-digit-character",
        "123456789, length",
        "123456789012345, length"
    })
    void rejectsBrokenGtinsNamingTheRule(String gtin, String rule) {
        Violation violation = Gtin.check("gtin", gtin).orElseThrow();
        assertThat(violation.rule()).isEqualTo(rule);
        assertThat(violation.value()).isEqualTo(gtin);
        assertThat(violation.field()).isEqualTo("gtin");
    }

    @ParameterizedTest
    @CsvSource({"02345673, 00000002345673", "416000336108, 00416000336108", "2112345678900, 02112345678900"})
    void padsShortGtinsToFourteenDigits(String gtin, String gtin14) {
        assertThat(Gtin.toGtin14(gtin)).isEqualTo(gtin14);
        assertThat(Gtin.isValid(gtin14)).isTrue();
    }

    @Test
    void refusesToPadAnInvalidGtin() {
        assertThatThrownBy(() -> Gtin.toGtin14("2112345678901"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check digit");
    }

    @Test
    void validatesSsccs() {
        assertThat(Sscc.isValid("106141411234567897")).isTrue();
        assertThat(Sscc.isValid("006141411234567890")).isTrue();
        assertThat(Sscc.check("sscc", "106141411234567898")).map(Violation::rule).contains("incorrect-check-digit");
        assertThat(Sscc.check("sscc", "10614141123456789")).map(Violation::rule).contains("length");
        assertThat(Sscc.check("sscc", null)).map(Violation::rule).contains("required");
    }

    @Test
    void validatesGlns() {
        assertThat(Gln.isValid("5412345000013")).isTrue();
        assertThat(Gln.isValid("9520123456788")).isTrue();
        assertThat(Gln.check("shipTo", "5412345000014")).map(Violation::rule).contains("incorrect-check-digit");
        assertThat(Gln.check("shipTo", "541234500001")).map(Violation::rule).contains("length");
    }

    @Test
    void reportsAnEmptyValueAsTooShortForACheckDigit() {
        assertThat(Gs1CheckDigit.check("value", "")).map(Violation::rule).contains("too-short-for-check-digit");
    }
}
