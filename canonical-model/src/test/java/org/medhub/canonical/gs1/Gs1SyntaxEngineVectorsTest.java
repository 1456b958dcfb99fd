package org.medhub.canonical.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medhub.canonical.gs1.EngineVectors.Row;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/**
 * Every row of the GS1 Barcode Syntax Engine's published test vectors, asserting the engine's expectation. Rows that
 * test something outside our scope are listed below with the reason and reported as skipped; all other rows run.
 * When the shared fixtures folder is absent, each vector file shows as one skipped test saying so.
 */
class Gs1SyntaxEngineVectorsTest {

    /** Rows whose input is built at run time in the C test; the extract shows only the variable name. */
    private static final Map<String, String[]> REBUILT = Map.of(
            // ai.c test_parseAIdata: "(99)" then 90 'A' gives "^99" then 90 'A'; one more 'A' is too long
            "ai.c.parseAIdata.tsv:1423", new String[] {"(99)" + "A".repeat(90), "^99" + "A".repeat(90)},
            "ai.c.parseAIdata.tsv:1427", new String[] {"(99)" + "A".repeat(91), ""},
            // ai.c test_processAIdata: "^99" then 90 'A', then 91; and 64 AIs "99XY" joined by FNC1
            "ai.c.processAIdata.tsv:1815", new String[] {"^99" + "A".repeat(90)},
            "ai.c.processAIdata.tsv:1822", new String[] {"^99" + "A".repeat(91)},
            "ai.c.processAIdata.tsv:1851", new String[] {"^" + String.join("^", Collections.nCopies(64, "99XY"))});

    private static final String CONVENIENCE_ALPHAS = "convenience alphas (/gtin/, /ser/, /sscc/…) were deprecated by"
            + " GS1 Digital Link 1.2 and we do not accept them; the same kind of URI without the option (row 1435)"
            + " runs and is rejected";
    private static final String NO_SYMBOLOGY = "symbology NONE: our API has no 'no symbology' to call";
    private static final String TRAILING_FNC1 = "the engine copies a superfluous trailing FNC1 of its input into the"
            + " scan data; our element strings do not keep a superfluous FNC1, so we never emit a trailing GS";
    private static final String ADD_CHECK_DIGIT = "AddCheckDigit: the engine computes a missing check digit; our API"
            + " takes the complete GTIN";

    private static final Map<String, String> EXCLUDED = Map.ofEntries(
            Map.entry("ai.c.processAIdata.tsv:1860", "65 AIs fail only because of the engine's buffer limit"
                    + " (MAX_AIS = 64), which is not a GS1 rule; we set no limit on the number of AIs"),
            Map.entry("dl.c.parseDLuri.tsv:1437", CONVENIENCE_ALPHAS),
            Map.entry("dl.c.parseDLuri.tsv:1438", CONVENIENCE_ALPHAS),
            Map.entry("dl.c.parseDLuri.tsv:1439", CONVENIENCE_ALPHAS),
            Map.entry("dl.c.parseDLuri.tsv:1440", CONVENIENCE_ALPHAS),
            Map.entry("dl.c.parseDLuri.tsv:1441", CONVENIENCE_ALPHAS),
            Map.entry("dl.c.parseDLuri.tsv:1767", unknownAiAttributeToggle("1763")),
            Map.entry("dl.c.generateDLuri.tsv:2206", unknownAiAttributeToggle("2203")),
            Map.entry("scandata.c.generateScanData.tsv:642", NO_SYMBOLOGY),
            Map.entry("scandata.c.generateScanData.tsv:643", NO_SYMBOLOGY),
            Map.entry("scandata.c.generateScanData.tsv:651", TRAILING_FNC1),
            Map.entry("scandata.c.generateScanData.tsv:660", TRAILING_FNC1),
            Map.entry("scandata.c.generateScanData.tsv:669", TRAILING_FNC1),
            Map.entry("scandata.c.generateScanData.tsv:744", ADD_CHECK_DIGIT),
            Map.entry("scandata.c.generateScanData.tsv:745", ADD_CHECK_DIGIT),
            Map.entry("scandata.c.generateScanData.tsv:804", ADD_CHECK_DIGIT));

    private static String unknownAiAttributeToggle(String twin) {
        return "same input and extracted options as row " + twin + " but the opposite outcome: the C test also turned"
                + " off the engine's 'unknown AI is not a DL attribute' validation, which the extract does not show;"
                + " we always apply that rule (row " + twin + " runs)";
    }

    static List<Arguments> csumPass() {
        return EngineVectors.rows("lint_csum.c.pass.tsv");
    }

    static List<Arguments> csumFail() {
        return EngineVectors.rows("lint_csum.c.fail.tsv");
    }

    static List<Arguments> yymmd0Pass() {
        return EngineVectors.rows("lint_yymmd0.c.pass.tsv");
    }

    static List<Arguments> yymmd0Fail() {
        return EngineVectors.rows("lint_yymmd0.c.fail.tsv");
    }

    static List<Arguments> parseAiData() {
        return EngineVectors.rows("ai.c.parseAIdata.tsv");
    }

    static List<Arguments> processAiData() {
        return EngineVectors.rows("ai.c.processAIdata.tsv");
    }

    static List<Arguments> validateAis() {
        return EngineVectors.rows("ai.c.validateAIs.tsv");
    }

    static List<Arguments> parseDlUri() {
        return EngineVectors.rows("dl.c.parseDLuri.tsv");
    }

    static List<Arguments> generateDlUri() {
        return EngineVectors.rows("dl.c.generateDLuri.tsv");
    }

    static List<Arguments> processScanData() {
        return EngineVectors.rows("scandata.c.processScanData.tsv");
    }

    static List<Arguments> generateScanData() {
        return EngineVectors.rows("scandata.c.generateScanData.tsv");
    }

    @ParameterizedTest
    @MethodSource("csumPass")
    void lintCsumPass(Row row) {
        proceed(row);
        assertThat(Gs1CheckDigit.check("value", row.get("value"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("csumFail")
    void lintCsumFail(Row row) {
        proceed(row);
        Optional<Violation> violation = Gs1CheckDigit.check("value", row.get("value"));
        assertThat(violation).map(Violation::rule).contains(ruleName(row.get("expected_error")));
    }

    @ParameterizedTest
    @MethodSource("yymmd0Pass")
    void lintYymmd0Pass(Row row) {
        proceed(row);
        assertThat(Gs1Date.check("date", row.get("value"))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("yymmd0Fail")
    void lintYymmd0Fail(Row row) {
        proceed(row);
        Optional<Violation> violation = Gs1Date.check("date", row.get("value"));
        assertThat(violation).map(Violation::rule).contains(ruleName(row.get("expected_error")));
    }

    @ParameterizedTest
    @MethodSource("parseAiData")
    void aiParseAiData(Row row) {
        proceed(row);
        String[] rebuilt = REBUILT.get(row.toString());
        String input = rebuilt != null ? rebuilt[0] : row.get("bracketed_element_string");
        String expected = rebuilt != null ? rebuilt[1] : row.get("expected_unbracketed_caret_is_FNC1");
        if (row.shouldSucceed()) {
            assertThat(ElementString.parseBracketed(input).caretFnc1()).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> ElementString.parseBracketed(input)).isInstanceOf(InvalidRecordException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("processAiData")
    void aiProcessAiData(Row row) {
        proceed(row);
        String[] rebuilt = REBUILT.get(row.toString());
        String input = rebuilt != null ? rebuilt[0] : row.get("unbracketed_element_string_caret_is_FNC1");
        Gs1Options options = options(row);
        if (row.shouldSucceed()) {
            // the engine only expects success here; we also check that what we read writes back to the same AIs
            ElementString parsed = ElementString.parseCaretFnc1(input, options);
            assertThat(ElementString.parseCaretFnc1(parsed.caretFnc1(), options)).isEqualTo(parsed);
        } else {
            assertThatThrownBy(() -> ElementString.parseCaretFnc1(input, options))
                    .isInstanceOf(InvalidRecordException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("validateAis")
    void aiValidateAis(Row row) {
        proceed(row);
        String rule = switch (row.get("validation_check")) {
            case "validateAIrepeats" -> "ai-repeated-with-different-values";
            case "validateAImutex" -> "ai-mutually-exclusive";
            case "validateAIrequisites" -> "ai-requisite-missing";
            case "validateDigSigRequiresSerialisedKey" -> "digsig-requires-serialised-key";
            default -> throw new IllegalArgumentException("unknown check " + row.get("validation_check"));
        };
        List<Violation> violations =
                ElementString.parseBracketed(row.get("bracketed_element_string"), options(row)).associationViolations();
        if (row.shouldSucceed()) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).extracting(Violation::rule).contains(rule);
        }
    }

    @ParameterizedTest
    @MethodSource("parseDlUri")
    void dlParseDlUri(Row row) {
        proceed(row);
        String uri = row.get("digital_link_uri");
        Gs1Options options = options(row);
        if (row.shouldSucceed()) {
            assertThat(DigitalLink.parse(uri, options).caretFnc1()).isEqualTo(row.get("expected_element_string_caret_is_FNC1"));
        } else {
            assertThatThrownBy(() -> DigitalLink.parse(uri, options)).isInstanceOf(InvalidRecordException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("generateDlUri")
    void dlGenerateDlUri(Row row) {
        proceed(row);
        String stem = row.get("uri_stem_NULL_means_https_id.gs1.org");
        String data = row.get("bracketed_element_string");
        Gs1Options options = options(row);
        if (row.shouldSucceed()) {
            String uri = DigitalLink.toUri(stem.equals("NULL") ? null : stem, ElementString.parseBracketed(data, options));
            assertThat(uri).isEqualTo(row.get("expected_digital_link_uri"));
        } else {
            assertThatThrownBy(() -> DigitalLink.toUri(stem, ElementString.parseBracketed(data, options)))
                    .isInstanceOf(InvalidRecordException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("processScanData")
    void scanDataProcessScanData(Row row) {
        proceed(row);
        String scan = row.get("barcode_scan_data_with_symbology_id");
        if (row.shouldSucceed()) {
            ScanData decoded = ScanData.parse(scan);
            assertThat(decoded.symbology()).isEqualTo(symbology(row.get("symbology")));
            assertThat(engineDataString(decoded)).isEqualTo(row.get("expected_data_caret_is_FNC1"));
        } else {
            assertThatThrownBy(() -> ScanData.parse(scan)).isInstanceOf(InvalidRecordException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("generateScanData")
    void scanDataGenerateScanData(Row row) {
        proceed(row);
        Symbology symbology = symbology(row.get("symbology"));
        String data = row.get("data_caret_is_FNC1");
        String expected = row.get("expected_scan_data_NULL_means_error");
        if (expected.equals("NULL")) {
            assertThatThrownBy(() -> generate(symbology, data)).isInstanceOf(InvalidRecordException.class);
        } else {
            assertThat(generate(symbology, data)).isEqualTo(expected);
        }
    }

    @Test
    void exclusionsAndRebuiltRowsNameRowsThatExist() {
        List<String> named = new ArrayList<>(EXCLUDED.keySet());
        named.addAll(REBUILT.keySet());
        for (String key : named) {
            String file = key.substring(0, key.indexOf(':'));
            int line = Integer.parseInt(key.substring(key.indexOf(':') + 1));
            assertThat(EngineVectors.sourceLines(file)).as(key).contains(line);
        }
    }

    /** The engine's data string for what we decoded: "^" then AIs for GS1 data, EAN digits, or escaped plain text. */
    private static String engineDataString(ScanData decoded) {
        if (decoded.text() != null) {
            return escapePlain(decoded.text());
        }
        List<AiElement> elements = decoded.elements().elements();
        if (decoded.symbology() == Symbology.EAN13 || decoded.symbology() == Symbology.EAN8) {
            String gtin = elements.get(0).value();
            String primary = gtin.substring(14 - (decoded.symbology() == Symbology.EAN13 ? 13 : 8));
            return elements.size() == 1 ? primary
                    : primary + "|" + ElementString.of(elements.subList(1, elements.size())).caretFnc1();
        }
        return decoded.elements().caretFnc1();
    }

    /** Calls our encoder with the engine's data string: "^…" is AI data, "a|^b" linear plus composite, else text. */
    private static String generate(Symbology symbology, String data) {
        int bar = data.indexOf('|');
        boolean gs1 = data.startsWith("^");
        if (!gs1 && symbology.is2d()) {
            return ScanData.formatText(symbology, unescapePlain(data));
        }
        String linear = bar < 0 ? data : data.substring(0, bar);
        ElementString composite = bar < 0 ? null : ElementString.parseCaretFnc1(data.substring(bar + 1));
        if (gs1) {
            return ScanData.format(symbology, ElementString.parseCaretFnc1(linear), composite);
        }
        boolean carriesBareGtin = switch (symbology) {
            case EAN13, EAN8, UPC_A, UPC_E, DATABAR, DATABAR_LIMITED -> true;
            default -> false;
        };
        return carriesBareGtin ? ScanData.formatGtin(symbology, linear, composite) : ScanData.formatText(symbology, data);
    }

    /** The engine marks plain data that starts like FNC1 ("^", "\^", …) with one more backslash. */
    private static String escapePlain(String text) {
        int backslashes = 0;
        while (backslashes < text.length() && text.charAt(backslashes) == '\\') {
            backslashes++;
        }
        return backslashes < text.length() && text.charAt(backslashes) == '^' ? "\\" + text : text;
    }

    private static String unescapePlain(String data) {
        int backslashes = 0;
        while (backslashes < data.length() && data.charAt(backslashes) == '\\') {
            backslashes++;
        }
        return backslashes > 0 && backslashes < data.length() && data.charAt(backslashes) == '^' ? data.substring(1) : data;
    }

    private static Symbology symbology(String engineName) {
        return switch (engineName) {
            case "QR" -> Symbology.QR_CODE;
            case "DM" -> Symbology.DATA_MATRIX;
            case "DotCode" -> Symbology.DOT_CODE;
            case "GS1_128_CCA", "GS1_128_CCC" -> Symbology.GS1_128;
            case "DataBarExpanded" -> Symbology.DATABAR_EXPANDED;
            case "DataBarOmni" -> Symbology.DATABAR;
            case "DataBarLimited" -> Symbology.DATABAR_LIMITED;
            case "UPCA" -> Symbology.UPC_A;
            case "UPCE" -> Symbology.UPC_E;
            case "EAN13" -> Symbology.EAN13;
            case "EAN8" -> Symbology.EAN8;
            default -> throw new IllegalArgumentException("no symbology for " + engineName);
        };
    }

    private static Gs1Options options(Row row) {
        Gs1Options options = Gs1Options.STRICT;
        if (row.option("PermitUnknownAIs")) {
            options = options.withUnknownAis();
        }
        if (row.option("PermitZeroSuppressedGTINinDLuris")) {
            options = options.withZeroSuppressedGtin();
        }
        return options;
    }

    /** GS1_LINTER_ILLEGAL_MONTH is our rule illegal-month. */
    private static String ruleName(String linterError) {
        return linterError.replaceFirst("^GS1_LINTER_", "").toLowerCase().replace('_', '-');
    }

    /** Skips the row when its file is missing or when it is excluded above, saying why. */
    private static void proceed(Row row) {
        Assumptions.assumeTrue(row.missing() == null, row::missing);
        String reason = EXCLUDED.get(row.toString());
        Assumptions.assumeTrue(reason == null, () -> "EXCLUDED " + row + ": " + reason);
    }
}
