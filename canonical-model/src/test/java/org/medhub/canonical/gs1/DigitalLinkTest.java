package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.medhub.canonical.validation.InvalidRecordException;

class DigitalLinkTest {

    @Test
    void readsKeyQualifiersFromThePathAndAttributesFromTheQuery() {
        ElementString data = DigitalLink.parse("https://example.com/01/09506000134352/10/ABC123/21/S-0001?17=251231");
        assertThat(data.bracketed()).isEqualTo("(01)09506000134352(10)ABC123(21)S-0001(17)251231");
    }

    @Test
    void decodesPercentEncodingInPathAndQuery() {
        ElementString data = DigitalLink.parse("https://example.com/01/09506000134352/10/A%2FB%2b1?99=X%2FY");
        assertThat(data.value("10")).contains("A/B+1");
        assertThat(data.value("99")).contains("X/Y");
    }

    @Test
    void ignoresAStemNonAiParametersAndTheFragment() {
        ElementString data = DigitalLink.parse("https://example.com/products/01/09506000134352?lang=en&17=251231#top");
        assertThat(data.bracketed()).isEqualTo("(01)09506000134352(17)251231");
    }

    @Test
    void rejectsQualifiersOutOfOrder() {
        assertThat(rule("https://example.com/01/09506000134352/21/S1/10/L1")).isEqualTo("invalid-key-qualifier-sequence");
    }

    @Test
    void rejectsAKeyQualifierGivenAsQueryParameter() {
        assertThat(rule("https://example.com/01/09506000134352?10=L1")).isEqualTo("belongs-in-path");
    }

    @Test
    void rejectsAnAiThatIsNoDataAttribute() {
        assertThat(rule("https://example.com/01/09506000134352/10/L1?21=S1")).isEqualTo("not-a-data-attribute");
    }

    @Test
    void rejectsABadCheckDigitNamingTheAi() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> DigitalLink.parse("https://example.com/01/09506000134353"));
        assertThat(e.violations().get(0).field()).isEqualTo("(01)");
        assertThat(e.violations().get(0).rule()).isEqualTo("incorrect-check-digit");
        assertThat(e.violations().get(0).value()).isEqualTo("09506000134353");
    }

    @Test
    void padsAZeroSuppressedGtinOnlyWhenPermitted() {
        assertThat(rule("https://example.com/01/9506000134352")).isEqualTo("value-too-short");
        assertThat(DigitalLink.parse("https://example.com/01/9506000134352", Gs1Options.STRICT.withZeroSuppressedGtin())
                .value("01")).contains("09506000134352");
    }

    @Test
    void writesTheLongestQualifierPathAndTheRestAsQuery() {
        ElementString data = ElementString.parseBracketed("(01)09506000134352(99)X/Y(10)ABC+1(21)S-0001(17)251231");
        assertThat(DigitalLink.toUri("https://example.com/", data))
                .isEqualTo("https://example.com/01/09506000134352/10/ABC%2B1/21/S-0001?17=251231&99=X%2FY");
        assertThat(DigitalLink.toUri(null, ElementString.parseBracketed("(01)09506000134352")))
                .isEqualTo("https://id.gs1.org/01/09506000134352");
    }

    @Test
    void readsBackWhatItWrites() {
        ElementString data = ElementString.parseBracketed("(01)09506000134352(10)A/B+C(21)S1(17)251231");
        assertThat(DigitalLink.parse(DigitalLink.toUri("https://example.com", data)).elements())
                .containsExactlyInAnyOrderElementsOf(data.elements());
    }

    @Test
    void refusesToWriteDataWithoutPrimaryKey() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> DigitalLink.toUri(null, ElementString.parseBracketed("(10)ABC")));
        assertThat(e.violations().get(0).rule()).isEqualTo("no-primary-key");
    }

    private static String rule(String uri) {
        return catchThrowableOfType(InvalidRecordException.class, () -> DigitalLink.parse(uri)).violations().get(0).rule();
    }
}
