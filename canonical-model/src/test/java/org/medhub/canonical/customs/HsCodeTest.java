package org.medhub.canonical.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class HsCodeTest {

    @ParameterizedTest
    @CsvSource({
        "901839, 901839",
        "9018.39, 901839",
        "9018 39 00 00, 9018390000",
        "9018.39.0000, 9018390000",
        "9018390000999, 9018390000999",
        "30059010, 30059010"
    })
    void readsCodesWithOrWithoutSeparators(String written, String digits) {
        assertThat(HsCode.parse(written).digits()).isEqualTo(digits);
    }

    @Test
    void splitsAChineseCodeIntoItsParts() {
        HsCode code = HsCode.parseChinaCodeTs("9018390000999");
        assertThat(code.chapter()).isEqualTo("90");
        assertThat(code.heading()).isEqualTo("9018");
        assertThat(code.subheading()).isEqualTo("901839");
        assertThat(code.nationalExtension()).contains("0000999");
        assertThat(code.codeTs()).contains("9018390000");
        assertThat(code.ciqCode()).contains("999");
        assertThat(code.formatted()).isEqualTo("9018.39.0000999");
    }

    @Test
    void leavesAnInternationalCodeWithoutNationalParts() {
        HsCode code = HsCode.parse("9021.39");
        assertThat(code.isInternational()).isTrue();
        assertThat(code.nationalExtension()).isEmpty();
        assertThat(code.codeTs()).isEmpty();
        assertThat(code.formatted()).isEqualTo("9021.39");
    }

    @ParameterizedTest
    @CsvSource({
        "90183, length",
        "9018390, length",
        "90183900009999, length",
        "9018-39, non-digit-character",
        "770100, unknown-chapter",
        "000100, unknown-chapter",
        "980100, unknown-chapter",
        "900012, invalid-heading"
    })
    void rejectsMalformedCodesNamingTheRule(String code, String rule) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> HsCode.parse(code));
        assertThat(e.violations()).extracting(Violation::rule).contains(rule);
        assertThat(e.violations().get(0).value()).isEqualTo(code);
    }

    @Test
    void allowsNationalChaptersOnlyInNationalCodes() {
        assertThat(HsCode.check("hs", "98010000")).isEmpty();
        assertThat(HsCode.check("hs", "980100")).extracting(Violation::rule).containsExactly("unknown-chapter");
    }

    @Test
    void requiresTenOrThirteenDigitsForAChineseDeclaration() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> HsCode.parseChinaCodeTs("90183900"));
        assertThat(e.violations()).extracting(Violation::rule).containsExactly("china-codets-length");
    }

    @Test
    void recognisesHeadingsWhereMedicalDevicesAreClassified() {
        assertThat(HsCode.parse("901890").medicalDeviceClassification()).get().asString().contains("medical");
        assertThat(HsCode.parse("841920").medicalDeviceClassification()).get().asString().contains("sterilisers");
        assertThat(HsCode.parse("847130").medicalDeviceClassification()).isEmpty();
    }

    @Test
    void refusesSeparatorsInTheStoredDigits() {
        assertThat(catchThrowableOfType(InvalidRecordException.class, () -> new HsCode("9018.39")).violations())
                .extracting(Violation::rule).containsExactly("separators");
    }
}
