package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.medhub.canonical.validation.InvalidRecordException;

class ScanDataTest {

    private static final String GS = "\u001D";

    @Test
    void readsGs1DataMatrixScanData() {
        ScanData scan = ScanData.parse("]d20109506000134352" + "17251231" + "10ABC123" + GS + "21S-0001");
        assertThat(scan.symbology()).isEqualTo(Symbology.DATA_MATRIX);
        assertThat(scan.isGs1()).isTrue();
        assertThat(scan.text()).isNull();
        assertThat(scan.elements().bracketed()).isEqualTo("(01)09506000134352(17)251231(10)ABC123(21)S-0001");
    }

    @Test
    void readsADigitalLinkUriInAPlainQrCode() {
        ScanData scan = ScanData.parse("]Q1https://example.com/01/09506000134352/10/ABC123");
        assertThat(scan.symbology()).isEqualTo(Symbology.QR_CODE);
        assertThat(scan.text()).isEqualTo("https://example.com/01/09506000134352/10/ABC123");
        assertThat(scan.elements().value("10")).contains("ABC123");
    }

    @Test
    void readsPlainTextAsNoGs1Data() {
        ScanData scan = ScanData.parse("]Q1HELLO");
        assertThat(scan.isGs1()).isFalse();
        assertThat(scan.text()).isEqualTo("HELLO");
    }

    @Test
    void readsAnEan13AsAGtin14() {
        ScanData scan = ScanData.parse("]E02112345678900");
        assertThat(scan.symbology()).isEqualTo(Symbology.EAN13);
        assertThat(scan.elements().value("01")).contains("02112345678900");
    }

    @Test
    void rejectsUnknownSymbologyIdentifiersAndMissingOnes() {
        assertThat(rule("]X9ABC")).isEqualTo("unsupported-symbology-identifier");
        assertThat(rule("0109506000134352")).isEqualTo("missing-symbology-identifier");
        assertThat(rule("]E02112345678901")).isEqualTo("incorrect-check-digit");
    }

    @Test
    void writesScanDataForEachSymbology() {
        ElementString udi = ElementString.parseBracketed("(01)09506000134352(10)ABC123(17)251231");
        assertThat(ScanData.format(Symbology.DATA_MATRIX, udi)).isEqualTo("]d2010950600013435210ABC123" + GS + "17251231");
        assertThat(ScanData.format(Symbology.GS1_128, udi)).startsWith("]C1");
        assertThat(ScanData.format(Symbology.EAN13, ElementString.parseBracketed("(01)02112345678900")))
                .isEqualTo("]E02112345678900");
        assertThat(ScanData.formatText(Symbology.QR_CODE, "https://example.com/01/09506000134352"))
                .isEqualTo("]Q1https://example.com/01/09506000134352");
        assertThat(ScanData.parse(ScanData.format(Symbology.QR_CODE, udi)).elements()).isEqualTo(udi);
    }

    @Test
    void refusesAGtinThatTheSymbologyCannotCarry() {
        InvalidRecordException e = catchThrowableOfType(InvalidRecordException.class,
                () -> ScanData.format(Symbology.EAN8, ElementString.parseBracketed("(01)09506000134352")));
        assertThat(e.violations().get(0).rule()).isEqualTo("gtin-does-not-fit");
    }

    private static String rule(String scan) {
        return catchThrowableOfType(InvalidRecordException.class, () -> ScanData.parse(scan)).violations().get(0).rule();
    }
}
