package org.medhub.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingSpecReaderTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    private final MappingSpecReader reader = new MappingSpecReader();

    private List<SpecProblem> problems(String yaml) throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        reader.read(YAML.readTree(yaml), "m.yml", "", MappingSpecReader.Defaults.NONE, problems);
        return problems;
    }

    @Test
    void aRecordRuleMarksDeletionsByTheSourcesActionCodeAndADeletionNeedsItsKeyAlone() throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        MappingSpec spec = reader.read(YAML.readTree("""
                id: erp-batches
                version: 1
                entity: Batch
                deleted: { path: $.action, codes: { D: "true" }, otherwise: "false" }
                fields: { gtin: $.gtin, lot: $.lot, materialNumber: $.item, status: $.status }
                """), "m.yml", "", new MappingSpecReader.Defaults(SourceFormat.JSON, null), problems).orElseThrow();
        MappingEngine engine = new MappingEngine();

        MappedRecord deleted = engine.map(spec, "{\"action\": \"D\", \"gtin\": \"09506000134352\", \"lot\": \"L1\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        MappedRecord kept = engine.map(spec, ("{\"action\": \"U\", \"gtin\": \"09506000134352\", \"lot\": \"L1\","
                + " \"item\": \"CATH-7F-110\", \"status\": \"PLANNED\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0);

        assertThat(problems).isEmpty();
        assertThat(deleted.deleted()).as("the required fields a deletion lacks are not asked for").isTrue();
        assertThat(kept.deleted()).isFalse();
    }

    @Test
    void readsAMappingWithSeveralRecordsAndEveryTransform() throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        JsonNode yaml = YAML.readTree("""
                id: mes-report
                version: 3
                format: xml
                charset: GB18030
                namespaces: { r: "urn:example:report" }
                records:
                  - entity: Batch
                    forEach: /r:Report/r:Lot
                    sourceId: r:Id
                    occurredAt: { path: r:End, date: { pattern: "yyyyMMddHHmm", zone: Asia/Shanghai } }
                    fields:
                      gtin: { path: r:Item, lookup: { entity: Product, match: materialNumber, take: gtin } }
                      lot: { path: r:Lot, trim: true, upper: true, split: { separator: "-", index: 0 } }
                      materialNumber: r:Item
                      status: { when: [ { path: r:Qc, equals: OK, then: QUARANTINE } ], else: IN_PRODUCTION }
                      quantity.value: { path: r:Grams, unit: { from: g, to: kg } }
                      quantity.unit: { path: r:Uom, codes: { PCS: EA }, otherwise: EA, default: EA }
                      statusReason: { concat: [r:Reason, "' / '", { text: "MES" }] }
                  - entity: MaterialConsumption
                    forEach: /r:Report/r:Use
                    fields:
                      eventId: { concat: [../r:Id, "'-'", "#position"] }
                      eventType: { constant: CONSUMPTION }
                      outputBatch: r:Batch
                      inputMaterial: r:Material
                      quantity.value: { path: r:Qty, multiply: 0.001 }
                      quantity.unit: { constant: kg }
                      consumedAt: { path: r:At, date: "yyyy-MM-dd'T'HH:mm:ssXXX" }
                """);

        Optional<MappingSpec> spec = reader.read(yaml, "m.yml", "", MappingSpecReader.Defaults.NONE, problems);

        assertThat(problems).isEmpty();
        assertThat(spec).hasValueSatisfying(s -> {
            assertThat(s.ref().version()).isEqualTo(3);
            assertThat(s.charset().name()).isEqualTo("GB18030");
            assertThat(s.records()).extracting(RecordRule::entity).containsExactly("Batch", "MaterialConsumption");
            assertThat(s.records().get(0).fields().get("quantity.unit").codesOtherwise()).isEqualTo("EA");
            assertThat(s.records().get(1).fields().get("quantity.value").multiply().by()).isEqualByComparingTo("0.001");
        });
    }

    @Test
    void namesTheKeyAndRuleOfEveryProblem() throws Exception {
        List<SpecProblem> problems = problems("""
                id: Bad_Id
                version: zero
                format: xml
                colour: blue
                namespaces: { r: "urn:example:report" }
                records:
                  - entity: Lot
                    fields: { lot: r:Lot }
                  - entity: Batch
                    forEach: /x:Report/r:Lot
                    fields:
                      lot: { path: r:Lot, gs1: barcode }
                      colour: r:Colour
                      status: { path: r:State, codes: { OK: FINE } }
                      productionDate: { path: r:Made, date: { pattern: "yyyyMMddQQQQQQ", zone: Mars/Olympus } }
                      quantity.value: { path: r:Grams, unit: { from: g, to: mL } }
                      quantity.unit: { path: r:Uom, default: EA, shout: true }
                      gtin: { path: r:Item, lookup: { entity: Product, match: colour, take: gtin } }
                      plant: { path: r:Plant, constant: SZ01 }
                      expiryDate: {}
                """);

        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("m.yml"));
        assertThat(problems).extracting(SpecProblem::key, SpecProblem::rule).contains(
                tuple("id", "id-format"),
                tuple("version", "integer"),
                tuple("colour", "unknown-key"),
                tuple("records[0].entity", "dictionary-entity"),
                tuple("records[1].forEach", "xpath"),
                tuple("records[1].fields.lot.gs1", "enum"),
                tuple("records[1].fields.colour", "dictionary-field"),
                tuple("records[1].fields.status.codes.OK", "enum"),
                tuple("records[1].fields.productionDate.date.pattern", "date-pattern"),
                tuple("records[1].fields.productionDate.date.zone", "zone"),
                tuple("records[1].fields.quantity.value.unit", "dimension"),
                tuple("records[1].fields.quantity.unit.shout", "unknown-key"),
                tuple("records[1].fields.gtin.lookup.match", "dictionary-field"),
                tuple("records[1].fields.plant", "one-source"),
                tuple("records[1].fields.expiryDate", "path-or-default"));
    }

    @Test
    void refusesJsonPathsThatAreNeitherAbsoluteNorRelativeToTheRecord() throws Exception {
        List<SpecProblem> problems = problems("""
                id: m
                version: 1
                format: json
                entity: Batch
                fields: { gtin: gtin, lot: "$['lot", materialNumber: "@.item", status: ../state }
                """);

        assertThat(problems).extracting(SpecProblem::key, SpecProblem::rule).containsExactlyInAnyOrder(
                tuple("fields.gtin", "jsonpath"), tuple("fields.lot", "jsonpath"));
    }

    @Test
    void refusesAPathYamlReadAsABoolean() throws Exception {
        List<SpecProblem> problems = problems("""
                id: m
                version: 1
                format: xml
                entity: Batch
                fields: { lot: No, gtin: { path: Yes }, materialNumber: "No" }
                """);

        assertThat(problems).extracting(SpecProblem::key, SpecProblem::rule).containsExactlyInAnyOrder(
                tuple("fields.lot", "yaml-boolean"), tuple("fields.gtin.path", "yaml-boolean"));
    }

    @Test
    void refusesForEachOnCsvAndAListFieldWithoutForEach() throws Exception {
        List<SpecProblem> problems = problems("""
                id: m
                version: 1
                format: csv
                records:
                  - entity: CommercialInvoice
                    forEach: rows
                    fields:
                      invoiceNumber: 发票号
                      lines: 行
                """);

        assertThat(problems).extracting(SpecProblem::key, SpecProblem::rule).containsExactlyInAnyOrder(
                tuple("records[0].forEach", "csv-rows"), tuple("records[0].fields.lines", "list-rule"));
    }

    @Test
    void prefixesKeysOfAnInlineMappingWithItsPlaceInThePartnerFile() throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        reader.read(YAML.readTree("{ id: m, version: 1, entity: Batch, fields: { colour: $.colour } }"),
                "config/partners/acme.yml", "inbound.batch-record.mapping",
                new MappingSpecReader.Defaults(SourceFormat.JSON, null), problems);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("config/partners/acme.yml");
            assertThat(p.key()).isEqualTo("inbound.batch-record.mapping.fields.colour");
            assertThat(p.rule()).isEqualTo("dictionary-field");
        });
    }

    @Test
    void readsAMappingByIdFromItsFolderAndChecksTheIdIsTheFileName() throws Exception {
        Files.writeString(dir.resolve("good.yml"), "{ id: good, version: 1, format: json, entity: Batch, fields: { lot: $.lot } }");
        Files.writeString(dir.resolve("renamed.yml"), "{ id: other, version: 1, format: json, entity: Batch, fields: { lot: $.lot } }");
        List<SpecProblem> problems = new ArrayList<>();

        assertThat(reader.readById(dir, "good", "p.yml", "inbound.x.mapping", problems)).isPresent();
        assertThat(reader.readById(dir, "renamed", "p.yml", "inbound.x.mapping", problems)).isEmpty();
        assertThat(reader.readById(dir, "missing", "p.yml", "inbound.x.mapping", problems)).isEmpty();

        assertThat(problems).extracting(SpecProblem::file, SpecProblem::key, SpecProblem::rule).containsExactly(
                tuple(dir.resolve("renamed.yml").toString(), "id", "id-matches-file"),
                tuple("p.yml", "inbound.x.mapping", "mapping-file"));
    }

    @Test
    void checksThatEveryMappingShippedInConfigReads() throws Exception {
        Path mappings = Path.of("../config/mappings");
        if (!Files.isDirectory(mappings)) {
            return;
        }
        List<SpecProblem> problems = new ArrayList<>();
        try (var files = Files.list(mappings)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                reader.readById(mappings, file.getFileName().toString().replace(".yml", ""), "test", "", problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void readsTheSameMappingWithARegularExpressionAsEqualSoThatAReloadSeesNoChange() throws Exception {
        String yaml = """
                id: m
                version: 1
                format: json
                entity: Batch
                fields:
                  lot: { when: [ { path: $.lot, matches: "L[0-9]+", then: $.lot } ], else: $.otherLot }
                """;
        List<SpecProblem> problems = new ArrayList<>();

        MappingSpec first = reader.read(YAML.readTree(yaml), "m.yml", "", MappingSpecReader.Defaults.NONE, problems)
                .orElseThrow(() -> new AssertionError(problems));
        MappingSpec second = reader.read(YAML.readTree(yaml), "m.yml", "", MappingSpecReader.Defaults.NONE, problems).orElseThrow();
        MappingSpec other = reader.read(YAML.readTree(yaml.replace("L[0-9]+", "L[0-9]*")), "m.yml", "",
                MappingSpecReader.Defaults.NONE, problems).orElseThrow();

        assertThat(problems).isEmpty();
        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(other).isNotEqualTo(first);
    }
}
