package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class ElementStringTest {

    private static final String GS = "\u001D";
    private static final List<AiElement> UDI = List.of(
            new AiElement("01", "09506000134352"), new AiElement("17", "251231"),
            new AiElement("10", "ABC123"), new AiElement("21", "S-0001"));

    @Test
    void readsTheBracketedForm() {
        ElementString data = ElementString.parseBracketed("(01)09506000134352(17)251231(10)ABC123(21)S-0001");
        assertThat(data.elements()).isEqualTo(UDI);
        assertThat(data.value("10")).contains("ABC123");
        assertThat(data.associationViolations()).isEmpty();
    }

    @Test
    void readsUnbracketedScanDataWithGroupSeparators() {
        ElementString data = ElementString.parseUnbracketed("0109506000134352" + "17251231" + "10ABC123" + GS + "21S-0001");
        assertThat(data.elements()).isEqualTo(UDI);
    }

    @Test
    void toleratesALeadingGroupSeparatorForFnc1InFirstPosition() {
        assertThat(ElementString.parseUnbracketed(GS + "0109506000134352" + "10ABC123").value("10")).contains("ABC123");
    }

    @Test
    void readsTheCaretFnc1Notation() {
        assertThat(ElementString.parseCaretFnc1("^010950600013435217251231" + "10ABC123^21S-0001").elements()).isEqualTo(UDI);
    }

    @Test
    void writesSeparatorsOnlyAfterVariableLengthValuesThatAreNotLast() {
        ElementString data = ElementString.of(UDI);
        assertThat(data.unbracketed()).isEqualTo("010950600013435217251231" + "10ABC123" + GS + "21S-0001");
        assertThat(data.caretFnc1()).isEqualTo("^01095060001343521725123110ABC123^21S-0001");
        assertThat(data.bracketed()).isEqualTo("(01)09506000134352(17)251231(10)ABC123(21)S-0001");
        assertThat(ElementString.parseBracketed(data.bracketed())).isEqualTo(data);
    }

    @Test
    void keepsAnEscapedBracketInsideAValue() {
        ElementString data = ElementString.parseBracketed("(01)09506000134352(10)AB\\(1)");
        assertThat(data.value("10")).contains("AB(1)");
        assertThat(data.bracketed()).isEqualTo("(01)09506000134352(10)AB\\(1)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "(01)09506000134353|(01)|incorrect-check-digit|09506000134353",
        "(01)0950600013435|(01)|value-too-short|0950600013435",
        "(10)ABCDEFGHIJKLMNOPQRSTU|(10)|value-too-long|ABCDEFGHIJKLMNOPQRSTU",
        "(10)ABC DEF|(10)|invalid-cset82-character|ABC DEF",
        "(17)251301|(17)|illegal-month|251301",
        "(11)250230|(11)|illegal-day|250230",
        "(00)106141411234567898|(00)|incorrect-check-digit|106141411234567898",
        "(8006)123456789012311105|(8006)|piece-number-exceeds-total|123456789012311105",
        "(7006)251200|(7006)|illegal-day|251200",
        "(7003)2512312460|(7003)|illegal-hour|2512312460",
        "(4307)XK|(4307)|not-iso3166-alpha2|XK",
        "(3911)123456|(3911)|not-iso4217|123456",
        "(8013)1987654Ad4X4bL5ttr2310c2A|(8013)|incorrect-check-pair|1987654Ad4X4bL5ttr2310c2A",
        "(8007)GB83WEST12345698765432|(8007)|incorrect-iban-checksum|GB83WEST12345698765432",
        "(8030)AB=C|(8030)|invalid-cset64-character|AB=C",
        "(4321)2|(4321)|not-zero-or-one|2",
        "(8011)0123|(8011)|illegal-zero-prefix|0123"
    })
    void rejectsBadValuesNamingTheAiTheRuleAndTheValue(String text, String field, String rule, String value) {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> ElementString.parseBracketed(text));
        assertThat(e).as(text).isNotNull();
        assertThat(e.violations()).extracting(Violation::field, Violation::rule, Violation::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, rule, value));
        assertThat(e.violations().get(0).message()).contains(field).contains(value);
    }

    @ParameterizedTest
    @CsvSource({
        "(8013)1987654Ad4X4bL5ttr2310c2K",
        "(8007)GB82WEST12345698765432",
        "(4307)CN",
        "(3911)978123",
        "(7003)2512312359",
        "(8006)123456789012310510",
        "(8030)AB-_"
    })
    void acceptsValuesTheLintersPass(String text) {
        assertThat(ElementString.parseBracketed(text).elements()).hasSize(1);
    }

    @Test
    void reportsEveryBadValueOfBracketedDataAtOnce() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> ElementString.parseBracketed("(01)09506000134353(17)251301(10)OK"));
        assertThat(e.violations()).extracting(Violation::field).containsExactly("(01)", "(17)");
    }

    @Test
    void rejectsLotWithoutGtin() {
        List<Violation> violations = ElementString.parseBracketed("(10)ABC123(17)251231").associationViolations();
        assertThat(violations).extracting(Violation::field, Violation::rule).contains(
                org.assertj.core.groups.Tuple.tuple("(10)", "ai-requisite-missing"),
                org.assertj.core.groups.Tuple.tuple("(17)", "ai-requisite-missing"));
        assertThat(violations.get(0).value()).isEqualTo("ABC123");
        assertThat(violations.get(0).message()).contains("(01)").contains("req=01,02,03,8006,8026");
    }

    @Test
    void rejectsSerialWithoutGtin() {
        assertThat(ElementString.parseBracketed("(21)S-0001").associationViolations())
                .extracting(Violation::rule).containsExactly("ai-requisite-missing");
    }

    @Test
    void rejectsSerialTogetherWithTpx() {
        assertThat(ElementString.parseBracketed("(01)09506000134352(21)S1(235)TPX1").associationViolations())
                .extracting(Violation::field, Violation::rule)
                .contains(org.assertj.core.groups.Tuple.tuple("(21)", "ai-mutually-exclusive"));
    }

    @Test
    void rejectsOneAiRepeatedWithDifferentValuesButNotWithTheSame() {
        assertThat(ElementString.parseBracketed("(01)09506000134352(10)A(10)A").associationViolations()).isEmpty();
        assertThat(ElementString.parseBracketed("(01)09506000134352(10)A(10)B").associationViolations())
                .extracting(Violation::rule).containsExactly("ai-repeated-with-different-values");
    }

    @Test
    void rejectsADigitalSignatureOnAnUnserialisedKey() {
        assertThat(ElementString.parseBracketed("(253)1234567890128(8030)ABC").associationViolations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(253)", "digsig-requires-serialised-key"));
    }

    @Test
    void refusesUnknownAisUnlessPermitted() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> ElementString.parseBracketed("(01)09506000134352(89)ABC"));
        assertThat(e.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(89)", "unknown-ai"));
        assertThat(ElementString.parseBracketed("(01)09506000134352(89)ABC", Gs1Options.STRICT.withUnknownAis())
                .value("89")).contains("ABC");
    }

    @Test
    void refusesMalformedBrackets() {
        assertThat(rule(() -> ElementString.parseBracketed("01)123"))).isEqualTo("ai-expected");
        assertThat(rule(() -> ElementString.parseBracketed("(01"))).isEqualTo("ai-not-terminated");
        assertThat(rule(() -> ElementString.parseBracketed("(1A)12"))).isEqualTo("invalid-ai");
        assertThat(rule(() -> ElementString.parseBracketed("(10)"))).isEqualTo("empty-value");
    }

    @Test
    void stopsUnbracketedDataAtAnUnknownAi() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> ElementString.parseUnbracketed("0109506000134352" + "891234"));
        assertThat(e.violations()).extracting(Violation::rule).containsExactly("unknown-ai");
        assertThat(e.violations().get(0).value()).isEqualTo("891234");
    }

    @Test
    void swallowsAFollowingAiIntoAVariableLengthValueWithoutSeparator() {
        // without GS the reader cannot know where the lot ends: (17) becomes part of it, as the standard implies
        assertThat(ElementString.parseUnbracketed("0109506000134352" + "10ABC" + "17251231").value("10"))
                .contains("ABC17251231");
    }

    @Test
    void requiresTheLeadingCaretInCaretNotation() {
        assertThat(rule(() -> ElementString.parseCaretFnc1("0109506000134352"))).isEqualTo("missing-fnc1-in-first-position");
    }

    @Test
    void buildsValidatedDataFromElements() {
        assertThat(rule(() -> ElementString.of(new AiElement("01", "09506000134353")))).isEqualTo("incorrect-check-digit");
        assertThat(rule(() -> ElementString.of(new AiElement("0A", "1")))).isEqualTo("invalid-ai");
    }

    private static String rule(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(InvalidRecordException.class, call).violations().get(0).rule();
    }
}
