package org.medhub.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the format readers refuse: entities and DTDs in XML, bytes not in the declared charset, ambiguity. */
class SourceSafetyTest {

    @TempDir
    Path dir;

    private final MappingEngine engine = new MappingEngine();

    private static MappingSpec xml(String lotPath) {
        return new MappingSpec("xml-test", 1, MappingSpec.Direction.INBOUND, SourceFormat.XML, null, Map.of(), null,
                null, null, null, List.of(new RecordRule("Batch", null, null, null, Map.of("lot", FieldRule.path(lotPath)))));
    }

    @Test
    void refusesAnXmlExternalEntityWithoutReadingTheFile() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE lot [ <!ENTITY xxe SYSTEM "%s"> ]>
                <Lot><No>&xxe;</No></Lot>
                """.formatted(secret.toUri());

        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> engine.map(xml("/Lot/No"), xxe.getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.getMessage()).contains("DOCTYPE is refused").doesNotContain("TOP-SECRET");
    }

    @Test
    void refusesEntityExpansionBombs() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
                <Lot><No>&lol2;</No></Lot>
                """;

        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> engine.map(xml("/Lot/No"), laughs.getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.getMessage()).startsWith("malformed XML at line 2").contains("DOCTYPE is refused");
    }

    @Test
    void namesTheLineAndColumnOfMalformedXml() {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> engine.map(xml("/Lot/No"), "<Lot>\n  <No>L1</Lot>".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.getMessage()).startsWith("malformed XML at line 2, column");
    }

    @Test
    void refusesBytesThatAreNotInTheDeclaredCharsetRatherThanGuessing() {
        MappingSpec utf8Csv = new MappingSpec("csv-test", 1, MappingSpec.Direction.INBOUND, SourceFormat.CSV, null, null,
                null, null, null, null, List.of(new RecordRule("Batch", null, null, null, Map.of("lot", FieldRule.path("批号")))));
        byte[] gbk = "批号\nL1\n".getBytes(Charset.forName("GBK"));

        MappingException failure = catchThrowableOfType(MappingException.class, () -> engine.map(utf8Csv, gbk));
        List<MappedRecord> read = engine.mapUnchecked(utf8Csv.withCharset(Charset.forName("GBK")), gbk);

        assertThat(failure.getMessage()).contains("not UTF-8 text");
        assertThat(read).singleElement().satisfies(r -> assertThat(r.canonical().get("lot").asText()).isEqualTo("L1"));
    }

    @Test
    void refusesAPathThatFindsSeveralValuesForOneField() {
        MappingException failure = catchThrowableOfType(MappingException.class, () -> engine.mapUnchecked(xml("//No"),
                "<Lots><No>L1</No><No>L2</No></Lots>".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("lot");
            assertThat(v.rule()).isEqualTo("ambiguous-path");
            assertThat(v.location().line()).isEqualTo(1);
        });
    }

    @Test
    void refusesAnXmlDocumentThatIsNoIdoc() {
        MappingSpec idoc = new MappingSpec("idoc-test", 1, MappingSpec.Direction.INBOUND, SourceFormat.IDOC, null, null,
                null, null, null, null, List.of(new RecordRule("Batch", "/*/IDOC/E1BATMAS", null, null, Map.of("lot", FieldRule.path("BATCH")))));

        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> engine.mapUnchecked(idoc, "<BATMAS03><E1BATMAS><BATCH>L1</BATCH></E1BATMAS></BATMAS03>".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.getMessage()).startsWith("not an IDoc").contains("EDI_DC40");
    }

    @Test
    void readsDatesStrictlyInThePartnersPatternAndPlacesLocalTimesInTheirZone() {
        MappingSpec csv = new MappingSpec("csv-test", 1, MappingSpec.Direction.INBOUND, SourceFormat.CSV, null, null,
                null, null, null, null, List.of(new RecordRule("Batch", null, null,
                        FieldRule.builder().path("at").transform(new DateFormat("dd.MM.yyyy HH:mm", "Asia/Shanghai")).build(),
                        Map.of("productionDate", FieldRule.builder().path("made").transform(new DateFormat("yyyyMMdd", null)).build()))));

        List<MappedRecord> read = engine.mapUnchecked(csv, "made,at\n20261121,21.11.2026 09:30\n".getBytes(StandardCharsets.UTF_8));
        MappingException impossible = catchThrowableOfType(MappingException.class,
                () -> engine.mapUnchecked(csv, "made,at\n20260230,21.11.2026 09:30\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.canonical().get("productionDate").asText()).isEqualTo("2026-11-21");
            assertThat(r.occurredAt()).hasToString("2026-11-21T09:30+08:00");
        });
        assertThat(impossible.violations()).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("date");
            assertThat(v.value()).isEqualTo("20260230");
            assertThat(v.location().line()).isEqualTo(2);
        });
    }

    @Test
    void namesAColumnTheHeaderLacks() {
        MappingSpec csv = new MappingSpec("csv-test", 1, MappingSpec.Direction.INBOUND, SourceFormat.CSV, null, null,
                null, null, null, null, List.of(new RecordRule("Batch", null, null, null, Map.of("lot", FieldRule.path("Lot No")))));

        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> engine.mapUnchecked(csv, "Lot,Qty\nL1,5\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(failure.violations()).first().satisfies(v -> {
            assertThat(v.rule()).isEqualTo("csv-column");
            assertThat(v.message()).contains("'Lot No'").contains("[Lot, Qty]");
        });
    }
}
