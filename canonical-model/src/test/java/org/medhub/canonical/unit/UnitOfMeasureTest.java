package org.medhub.canonical.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

class UnitOfMeasureTest {

    @ParameterizedTest
    @CsvSource({
        "1234.5, mg, kg, 0.0012345",
        "0.0012345, kg, mg, 1234.5",
        "2.5, kg, g, 2500",
        "250, mL, L, 0.25",
        "1, L, mL, 1000",
        "37, Cel, [degF], 98.6",
        "98.6, [degF], Cel, 37",
        "-40, Cel, [degF], -40",
        "1.5, h, min, 90",
        "90, s, min, 1.5",
        "1.2, m, mm, 1200",
        "1, [lb_av], g, 453.59237",
        "12, {each}, 1, 12",
        "12, EA, {each}, 12"
    })
    void convertsExactlyBetweenCompatibleUnits(String value, String from, String to, String expected) {
        BigDecimal converted = UnitOfMeasure.parse(from).convert(new BigDecimal(value), UnitOfMeasure.parse(to));
        assertThat(converted).isEqualByComparingTo(expected);
        assertThat(converted.toPlainString()).isEqualTo(expected);
    }

    @Test
    void roundsANonTerminatingResultTo34SignificantDigits() {
        assertThat(Quantity.of("1", "min").to("h").value().toPlainString())
                .isEqualTo("0.01666666666666666666666666666666667");
    }

    @Test
    void readsErpPiecesCodeEaAsEachNotExaAmpere() {
        UnitOfMeasure each = UnitOfMeasure.parse("EA");
        assertThat(each.code()).isEqualTo("{each}");
        assertThat(each.isCompatible(UnitOfMeasure.parse("1"))).isTrue();
        assertThat(each.isCompatible(UnitOfMeasure.parse("A"))).isFalse();
    }

    @Test
    void refusesToConvertMassToVolume() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> Quantity.of("5", "mg").to("mL"));
        Violation violation = e.violations().get(0);
        assertThat(violation.rule()).isEqualTo("incompatible-units");
        assertThat(violation.message()).contains("mg").contains("mL").contains("cannot");
    }

    @Test
    void refusesToConvertBoxesToEachWithoutAPackSize() {
        assertThat(UnitOfMeasure.parse("{box}").isCompatible(UnitOfMeasure.parse("{each}"))).isFalse();
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> Quantity.of("2", "{box}").to("{each}"));
        assertThat(e.violations().get(0).message()).contains("pack size");
    }

    @ParameterizedTest
    @ValueSource(strings = {"KG", "°C", "{each", "xyz", "kg/"})
    void rejectsCodesThatAreNotUcum(String code) {
        assertThat(UnitOfMeasure.check("unit", code)).map(Violation::rule).contains("unknown-unit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kg", "g", "mg", "ug", "mL", "L", "Cel", "[degF]", "h", "min", "s", "m", "mm", "{each}", "1",
        "mg/dL", "%"})
    void acceptsUcumCodesTheHubUses(String code) {
        assertThat(UnitOfMeasure.check("unit", code)).isEmpty();
    }

    @Test
    void printsAQuantityWithItsUnitCode() {
        assertThat(Quantity.of("250", "mL").to("L").toString()).isEqualTo("0.25 L");
    }

    @Test
    void keepsABoundedNumberOfParsedCodesWhateverPartnersSend() {
        for (int i = 0; i < UnitOfMeasure.PARSED_KEPT + 500; i++) {
            assertThat(UnitOfMeasure.check("unit", "{carton" + i + "}")).isEmpty();
        }
        assertThat(UnitOfMeasure.parsedKept()).isEqualTo(UnitOfMeasure.PARSED_KEPT);
        assertThat(UnitOfMeasure.parse("{carton" + (UnitOfMeasure.PARSED_KEPT + 499) + "}").unit())
                .as("a code past the bound is still read").isNotNull();
    }
}
