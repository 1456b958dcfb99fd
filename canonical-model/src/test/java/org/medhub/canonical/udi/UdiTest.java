package org.medhub.canonical.udi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class UdiTest {

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final Udi EXPECTED = new Udi("09506000134352", "ABC123", "S-0001",
            LocalDate.of(2027, 2, 28), LocalDate.of(2025, 11, 30));

    @ParameterizedTest
    @ValueSource(strings = {
        "(01)09506000134352(11)251100(17)270200(10)ABC123(21)S-0001",
        "]d2010950600013435211251100172702001" + "0ABC123\u001D21S-0001",
        "]C10109506000134352112511001727020010ABC123\u001D21S-0001",
        "0109506000134352112511001727020010ABC123\u001D21S-0001",
        "^0109506000134352112511001727020010ABC123^21S-0001",
        "https://example.com/01/09506000134352/10/ABC123/21/S-0001?11=251100&17=270200",
        "]Q1https://id.gs1.org/01/09506000134352/10/ABC123/21/S-0001?17=270200&11=251100"
    })
    void readsTheSameUdiFromEveryWrittenForm(String text) {
        assertThat(Udi.parse(text, IN_2026)).isEqualTo(EXPECTED);
    }

    @Test
    void resolvesDayZeroToEndOfMonth() {
        Udi udi = Udi.parse("(01)09506000134352(17)240200(10)L1", IN_2026);
        assertThat(udi.expiry()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void printsAsJsonWithIsoDates() {
        assertThat(EXPECTED.toJson()).isEqualTo("{\"expiry\":\"2027-02-28\",\"gtin\":\"09506000134352\","
                + "\"lot\":\"ABC123\",\"productionDate\":\"2025-11-30\",\"serial\":\"S-0001\"}");
        assertThat(Udi.parse("(01)09506000134352", IN_2026).toJson()).isEqualTo("{\"gtin\":\"09506000134352\"}");
    }

    @Test
    void writesItselfBackAsAiData() {
        assertThat(EXPECTED.toElementString().bracketed())
                .isEqualTo("(01)09506000134352(11)251130(17)270228(10)ABC123(21)S-0001");
        assertThat(Udi.from(EXPECTED.toElementString(), IN_2026)).isEqualTo(EXPECTED);
    }

    @Test
    void rejectsLotWithoutGtin() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> Udi.parse("(10)ABC123(17)270200", IN_2026));
        assertThat(e.entity()).isEqualTo("UDI");
        assertThat(e.violations()).extracting(Violation::field, Violation::rule).contains(
                tuple("(01)", "udi-di-required"),
                tuple("(10)", "ai-requisite-missing"),
                tuple("(17)", "ai-requisite-missing"));
    }

    @Test
    void rejectsABadGtinNamingTheAiTheRuleAndTheValue() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> Udi.parse("(01)09506000134353(10)ABC123", IN_2026));
        assertThat(e.violations()).extracting(Violation::field, Violation::rule, Violation::value)
                .containsExactly(tuple("(01)", "incorrect-check-digit", "09506000134353"));
    }

    @Test
    void rejectsAnImpossibleExpiryDate() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> Udi.parse("(01)09506000134352(17)270230", IN_2026));
        assertThat(e.violations()).extracting(Violation::field, Violation::rule, Violation::value)
                .containsExactly(tuple("(17)", "illegal-day", "270230"));
    }

    @Test
    void rejectsAScanOfPlainText() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class, () -> Udi.parse("]Q1HELLO"));
        assertThat(e.violations().get(0).rule()).isEqualTo("not-gs1-data");
    }

    @Test
    void rejectsNothing() {
        assertThat(catchThrowableOfType(InvalidRecordException.class, () -> Udi.parse("")).violations())
                .extracting(Violation::rule).containsExactly("required");
    }
}
