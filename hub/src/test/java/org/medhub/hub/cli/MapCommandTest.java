package org.medhub.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeAPartnerAndItsMapping() throws Exception {
        config = dir.resolve("config");
        Files.createDirectories(config.resolve("partners"));
        Files.createDirectories(config.resolve("mappings"));
        Files.writeString(config.resolve("mappings/lots-report.yml"), """
                id: lots-report
                version: 2
                format: xml
                records:
                  - entity: Batch
                    forEach: /Report/Lot
                    sourceId: "@id"
                    fields:
                      gtin: Gtin
                      lot: "No"
                      materialNumber: Item
                      status: { path: State, codes: { OK: QUARANTINE, NG: REJECTED } }
                      statusReason: Reason
                """);
        Files.writeString(config.resolve("partners/mes.yml"), """
                id: mes
                kind: MES
                credential: env:MES_SECRET_NOT_NEEDED_OFFLINE
                inbound:
                  lots: { mapping: lots-report }
                """);
    }

    private int medhub(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> lines() throws Exception {
        return out.toString(StandardCharsets.UTF_8).lines().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError(line, e);
            }
        }).toList();
    }

    @Test
    void printsOneCanonicalEnvelopePerRecordForAPartnersFile() throws Exception {
        Path file = Files.writeString(dir.resolve("lots.xml"), """
                <Report>
                  <Lot id="R1"><Gtin>09506000134352</Gtin><No>L1</No><Item>CATH-7F-110</Item><State>OK</State></Lot>
                  <Lot id="R2"><Gtin>09506000134352</Gtin><No>L2</No><Item>CATH-7F-110</Item><State>NG</State><Reason>burr</Reason></Lot>
                </Report>
                """);

        int exit = medhub("map", "--partner", "mes", "--config-dir", config.toString(), file.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lines()).hasSize(2).allSatisfy(envelope -> {
            assertThat(envelope.get("entity").asText()).isEqualTo("Batch");
            assertThat(envelope.get("partner").asText()).isEqualTo("mes");
            assertThat(envelope.get("mapping").get("id").asText()).isEqualTo("lots-report");
            assertThat(envelope.get("mapping").get("version").asInt()).isEqualTo(2);
        });
        assertThat(lines().get(1).get("payload").get("status").asText()).isEqualTo("REJECTED");
        assertThat(lines().get(1).get("businessKey").asText()).isEqualTo("01/09506000134352/10/L2");
    }

    @Test
    void printsEveryErrorWithItsLineAndPathAndExitsOne() throws Exception {
        Path file = Files.writeString(dir.resolve("lots.xml"), """
                <Report>
                  <Lot id="R1"><Gtin>09506000134352</Gtin><No>L1</No><Item>CATH-7F-110</Item><State>LOST</State></Lot>
                  <Lot id="R2"><Gtin>09506000134353</Gtin><No>L2</No><Item>CATH-7F-110</Item><State>OK</State></Lot>
                </Report>
                """);

        int exit = medhub("map", "--partner", "mes", "--config-dir", config.toString(), file.toString());

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(errors.lines()).containsExactly(
                file + ":2:85: records[0] #0: status 'LOST' (from State) is not in the code list of mapping lots-report: [OK, NG] [code-list] at /Report[1]/Lot[1]/State[1]",
                file + ":3:22: records[0] #1: gtin must be a GTIN-14: 14 digits ending in the GS1 check digit [gtin] at /Report[1]/Lot[2]/Gtin[1]");
    }

    @Test
    void mapsWithAMappingFileAndPrintsTheLineageOfEachField() throws Exception {
        Path file = Files.writeString(dir.resolve("lots.xml"), """
                <Report><Lot id="R1"><Gtin>09506000134352</Gtin><No>L1</No><Item>CATH-7F-110</Item><State>OK</State></Lot></Report>
                """);

        int exit = medhub("map", "--mapping", config.resolve("mappings/lots-report.yml").toString(), "--lineage",
                file.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(lines()).singleElement().satisfies(line -> {
            assertThat(line.get("envelope").get("payload").get("lot").asText()).isEqualTo("L1");
            assertThat(line.get("lineage").get("status").asText())
                    .isEqualTo("records[0].fields.status: path State; codes OK → QUARANTINE ← 'OK' at line 1, column 91 (/Report[1]/Lot[1]/State[1])");
        });
    }

    @Test
    void rendersCanonicalRecordsInTheSubscribersFormatWithAnOutboundMapping() throws Exception {
        Path records = Files.writeString(dir.resolve("batches.jsonl"), """
                {"gtin": "09506000134352", "lot": "L1", "materialNumber": "CATH-7F-110", "status": "RELEASED", "quantity": {"value": 5, "unit": "EA"}}
                {"gtin": "09506000134352", "lot": "L2", "materialNumber": "CATH-7F-110", "status": "QUARANTINE"}
                """);

        int exit = medhub("map", "--mapping", "../config/mappings/erp-batch-xml.yml", records.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<erp:Batch>L1</erp:Batch>").contains("<erp:Status>02</erp:Status>")
                .contains("<erp:Quantity unit=\"ST\">5</erp:Quantity>");
    }

    @Test
    void namesTheProblemsOfABadMappingAndExitsTwo() throws Exception {
        Files.writeString(config.resolve("mappings/lots-report.yml"), """
                id: lots-report
                version: 2
                format: xml
                records:
                  - entity: Batch
                    forEach: /Report/Lot
                    fields: { colour: Colour }
                """);

        int exit = medhub("map", "--partner", "mes", "--config-dir", config.toString(), dir.resolve("none.xml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("lots-report.yml: records[0].fields.colour:")
                .contains("[dictionary-field]");
    }
}
