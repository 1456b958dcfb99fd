package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AiTableTest {

    private final AiTable table = AiTable.standard();

    @ParameterizedTest
    @ValueSource(strings = {"00", "01", "02", "10", "11", "13", "15", "16", "17", "21", "22", "30", "37", "235", "240",
        "241", "250", "251", "253", "254", "7003", "7240", "8003", "8004", "8006", "8020", "8030", "414", "422"})
    void knowsTheAisUsedOnMedicalDevices(String ai) {
        assertThat(table.lookup(ai)).isPresent();
    }

    @Test
    void saysWhichDictionaryVersionItCameFrom() {
        assertThat(table.release()).isEqualTo("UNSET");
    }

    @Test
    void readsFormatsFlagsAndRulesOfAnEntry() {
        ApplicationIdentifier expiry = table.lookup("17").orElseThrow();
        assertThat(expiry.title()).isEqualTo("USE BY or EXPIRY");
        assertThat(expiry.fnc1Required()).isFalse();
        assertThat(expiry.dlDataAttribute()).isTrue();
        assertThat(expiry.components()).hasSize(1);
        assertThat(expiry.components().get(0).toString()).isEqualTo("N6,yymmd0");
        assertThat(expiry.requisites()).containsExactly("01,02,03,255,8006,8026");

        ApplicationIdentifier serial = table.lookup("21").orElseThrow();
        assertThat(serial.fnc1Required()).isTrue();
        assertThat(serial.dlDataAttribute()).isFalse();
        assertThat(serial.minLength()).isEqualTo(1);
        assertThat(serial.maxLength()).isEqualTo(20);
        assertThat(serial.exclusions()).containsExactly("235");
    }

    @Test
    void expandsAiRanges() {
        assertThat(table.lookup("3100")).isPresent();
        assertThat(table.lookup("3105")).isPresent();
        assertThat(table.lookup("3106")).isEmpty();
        assertThat(table.lookup("3103").orElseThrow().exclusions()).containsExactly("310n");
    }

    @Test
    void knowsTheDigitalLinkKeyQualifierSequences() {
        assertThat(table.lookup("01").orElseThrow().dlKeyQualifiers())
                .containsExactly(List.of("22", "10", "21"), List.of("235"));
        assertThat(table.isValidDlPath(List.of("01", "22", "10", "21"))).isTrue();
        assertThat(table.isValidDlPath(List.of("01", "10", "21"))).isTrue();
        assertThat(table.isValidDlPath(List.of("01", "21", "10"))).isFalse();
        assertThat(table.isValidDlPath(List.of("01", "10", "235"))).isFalse();
        assertThat(table.isValidDlPath(List.of("00"))).isTrue();
    }

    @Test
    void refusesATableThatNamesALinterWeNeverDecidedOn() {
        assertThatThrownBy(() -> AiTable.parse(List.of("99 ? X..90,brandnewcheck # INTERNAL")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("brandnewcheck");
    }

    @Test
    void refusesAisOfOnePrefixWithDifferentLengths() {
        assertThatThrownBy(() -> AiTable.parse(List.of("31 N6 # A", "310 N6 # B")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ in length");
    }
}
