package org.medhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DictionaryCommandsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int medhub(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheIdentifiersOfAUdiAsJson() throws Exception {
        int exit = medhub("validate", "udi", "(01)09506000134352(11)261118(17)291100(10)L2026-1121A(21)SN0042");

        assertThat(exit).as(err()).isZero();
        JsonNode udi = new ObjectMapper().readTree(out());
        assertThat(udi.get("gtin").asText()).isEqualTo("09506000134352");
        assertThat(udi.get("lot").asText()).isEqualTo("L2026-1121A");
        assertThat(udi.get("serial").asText()).isEqualTo("SN0042");
        assertThat(udi.get("expiry").asText()).as("day 00 is the end of the month").isEqualTo("2029-11-30");
        assertThat(udi.get("productionDate").asText()).isEqualTo("2026-11-18");
    }

    @Test
    void printsEachErrorOfABadUdiAndExitsOne() {
        int exit = medhub("validate", "udi", "(01)09506000134353(10)L1");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("(01)").contains("check digit");
        assertThat(out()).isEmpty();
    }

    @Test
    void validatesARecordFileInTheCharsetGiven() throws Exception {
        Path file = dir.resolve("batch.json");
        Files.writeString(file, """
                {"gtin": "09506000134352", "lot": "L-1", "status": "QUARANTINE", "materialNumber": "CATH-7F",
                 "statusReason": "客户投诉后复检"}""",
                Charset.forName("GB18030"));

        int exit = medhub("validate", "Batch", file.toString(), "--charset", "GB18030");

        assertThat(exit).as(err()).isZero();
        JsonNode result = new ObjectMapper().readTree(out());
        assertThat(result.get("businessKey").asText()).isEqualTo("01/09506000134352/10/L-1");
        assertThat(result.at("/record/statusReason").asText()).isEqualTo("客户投诉后复检");
    }

    @Test
    void printsEveryViolationOfARecordAndExitsOne() throws Exception {
        Path file = Files.writeString(dir.resolve("batch.json"), """
                {"gtin": "09506000134353", "status": "LOST", "colour": "red"}""");

        int exit = medhub("validate", "Batch", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("gtin:").contains("[gtin]").contains("lot: lot is required [required]")
                .contains("[enum]").contains("[unknown-field]");
    }

    @Test
    void readsAnOlderSchemaVersionThroughItsUpcaster() throws Exception {
        Path file = Files.writeString(dir.resolve("batch-v1.json"), """
                {"gtin": "09506000134352", "lot": "L1", "materialNumber": "M1", "status": "QUARANTINE", "quantity": 12, "unit": "EA"}""");

        int exit = medhub("validate", "Batch", file.toString(), "--schema-version", "1");

        assertThat(exit).as(err()).isZero();
        assertThat(new ObjectMapper().readTree(out()).at("/record/quantity/unit").asText()).isEqualTo("EA");
    }

    @Test
    void namesTheEntitiesWhenOneIsUnknown() {
        assertThat(medhub("validate", "Widget", "x.json")).isEqualTo(2);
        assertThat(err()).contains("'Widget' is not an entity").contains("Batch");
    }

    @Test
    void printsTheDictionaryAsMarkdownAndAsJson() throws Exception {
        assertThat(medhub("dictionary")).isZero();
        assertThat(out()).startsWith("# The medhub data dictionary").contains("## Batch");
        out.reset();

        assertThat(medhub("dictionary", "--format", "json")).isZero();
        assertThat(new ObjectMapper().readTree(out()).get("entities").findValuesAsText("entity")).contains("Batch");

        assertThat(medhub("dictionary", "--format", "pdf")).isEqualTo(2);
    }

    @Test
    void refusesAnUnknownCommand() {
        assertThat(medhub("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'").contains("validate");
    }
}
