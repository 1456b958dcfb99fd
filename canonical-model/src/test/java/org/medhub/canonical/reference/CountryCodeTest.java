package org.medhub.canonical.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class CountryCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"CN", "DE", "US", "HK", "MO", "TW", "GB", "SS"})
    void acceptsAssignedAlpha2Codes(String code) {
        assertThat(CountryCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "XK, unknown-country",
        "UK, unknown-country",
        "EU, unknown-country",
        "cn, format",
        "CHN, format",
        "C1, format"
    })
    void rejectsOtherCodesNamingTheRule(String code, String rule) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> CountryCode.parse(code));
        assertThat(e.violations()).extracting(Violation::rule, Violation::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(rule, code));
    }

    @Test
    void suggestsCapitalsForALowerCaseCode() {
        assertThat(CountryCode.check("originCountry", "cn")).get().extracting(Violation::message).asString()
                .contains("CN");
    }

    @Test
    void namesTheCountryInEnglish() {
        assertThat(CountryCode.parse("CN").englishName()).isEqualTo("China");
    }
}
