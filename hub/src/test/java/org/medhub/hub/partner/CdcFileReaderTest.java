package org.medhub.hub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.connectors.cdc.SourceDatabase;
import org.medhub.routes.cdc.CdcSource;
import org.medhub.routes.cdc.CdcTable;
import org.medhub.routes.inbound.MappedMessage;
import org.medhub.routes.inbound.RecordMapping;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.mapping.InMemoryCanonicalLookup;
import org.medhub.routes.partner.PartnerKind;

/** {@code config/cdc/<source>.yml}: a source read when right, every problem named with file, key and rule. */
class CdcFileReaderTest {

    private static final String SOURCE = """
            id: old-erp
            database:
              type: postgresql
              host: erp-db.plant.example.com
              database: erp
              username: medhub_cdc
              password: env:OLD_ERP_PASSWORD
              zone: Asia/Shanghai
            tables:
              erp.mara:
                entity: Material
                key: [matnr]
                where: { werks: [CN01, CN02] }
                onDelete: { lvorm: X }
                fields:
                  materialNumber: matnr
                  name: maktx
                  materialType: { column: mtart, codes: { FERT: FINISHED_GOOD, ROH: RAW_MATERIAL } }
                  baseUnit: meins
                  batchManaged: xchpf
                  status: { column: lvorm, codes: { X: OBSOLETE }, otherwise: ACTIVE }
            """;

    @TempDir
    Path dir;

    private PartnerRegistry load() {
        CredentialStore credentials = new CredentialStore(dir.resolve("data"), Map.of("OLD_ERP_PASSWORD", "pw")::get, false);
        PartnerFileReader partners = new PartnerFileReader(s -> s, credentials, Set.of(), url -> null, 65536);
        return PartnerRegistry.load(dir.resolve("partners"), partners, dir.resolve("cdc"),
                new CdcFileReader(s -> s.replace("${medhub.embedded.legacy-erp:false}", "true")
                        .replace("${medhub.embedded.postgresql.port:5432}", "5432"), credentials));
    }

    @Test
    void readsASourceAsAPartnerWithAMessageTypePerTableAndOneChannel() throws Exception {
        write("old-erp.yml", SOURCE);

        PartnerRegistry registry = load();

        var partner = registry.partner("old-erp").orElseThrow();
        assertThat(partner.kind()).as("a source is an ERP unless it says otherwise").isEqualTo(PartnerKind.ERP);
        assertThat(partner.messageTypes()).containsOnlyKeys("erp.mara");
        assertThat(partner.credentialRef()).as("nobody signs in as a source").isNull();
        CdcSource source = (CdcSource) registry.channels("old-erp").get(0).pickup();
        assertThat(source.database().kind()).isEqualTo(SourceDatabase.Kind.POSTGRESQL);
        assertThat(source.database().port()).as("the default port").isEqualTo(5432);
        assertThat(source.database().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(source.database().toString()).doesNotContain("pw");
        CdcTable table = source.tables().get(0);
        assertThat(table.keyColumns()).containsExactly("matnr");
        assertThat(table.captured().mappedColumns()).containsExactlyInAnyOrder("matnr", "maktx", "mtart", "meins", "xchpf",
                "lvorm", "werks");
        assertThat(table.identityColumns()).containsExactly("matnr");
        assertThat(table.takes(Map.of("werks", "CN02"))).isTrue();
        assertThat(table.takes(Map.of("werks", "DE01"))).isFalse();
        assertThat(table.onDelete()).containsEntry("lvorm", "X");
    }

    @Test
    void mapsARowOfTheTableThroughTheMappingEngineAsAPartialRecordWithTheChangesLogPosition() throws Exception {
        write("old-erp.yml", SOURCE);
        RecordMapping mapping = new RecordMapping(load(), new InMemoryCanonicalLookup(),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

        List<MappedMessage> mapped = mapping.map("old-erp", "erp.mara", """
                {"id": "lsn:2345", "table": "erp.mara", "operation": "UPDATE", "committedAt": "2026-11-30T02:00:00Z",
                 "row": {"matnr": "CATH-7F-110", "maktx": "导管 7F 120cm"}}""".getBytes(StandardCharsets.UTF_8));

        assertThat(mapped).hasSize(1);
        var envelope = mapped.get(0).envelope();
        assertThat(envelope.sourceVersion()).isEqualTo("lsn:2345");
        assertThat(envelope.occurredAt().toInstant()).isEqualTo(Instant.parse("2026-11-30T02:00:00Z"));
        assertThat(envelope.payload().toString()).isEqualTo("{\"materialNumber\":\"CATH-7F-110\",\"name\":\"导管 7F 120cm\"}");
    }

    @Test
    void aTableOfTombstonesMapsADeleteAsTheDeletionOfTheRecordItsKeyNames() throws Exception {
        write("old-erp.yml", SOURCE.replace("onDelete: { lvorm: X }", "onDelete: tombstone"));
        PartnerRegistry registry = load();
        RecordMapping mapping = new RecordMapping(registry, new InMemoryCanonicalLookup(),
                Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

        List<MappedMessage> mapped = mapping.map("old-erp", "erp.mara", """
                {"id": "lsn:2346", "table": "erp.mara", "operation": "DELETE", "committedAt": "2026-11-30T02:00:00Z",
                 "row": {"matnr": "CATH-7F-110"}, "deleted": true}""".getBytes(StandardCharsets.UTF_8));
        List<MappedMessage> updated = mapping.map("old-erp", "erp.mara", """
                {"id": "lsn:2347", "table": "erp.mara", "operation": "UPDATE", "committedAt": "2026-11-30T02:00:00Z",
                 "row": {"matnr": "CATH-7F-110", "maktx": "导管"}}""".getBytes(StandardCharsets.UTF_8));

        CdcTable table = ((CdcSource) registry.channels("old-erp").get(0).pickup()).tables().get(0);
        assertThat(table.tombstone()).isTrue();
        assertThat(table.onDelete()).isEmpty();
        assertThat(mapped.get(0).envelope().deleted()).isTrue();
        assertThat(mapped.get(0).envelope().businessKey()).isEqualTo("CATH-7F-110");
        assertThat(updated.get(0).envelope().deleted()).isFalse();
    }

    @Test
    void onlyMasterDataMayBeDeletedByTombstone() throws Exception {
        write("old-erp.yml", SOURCE.replace("onDelete: { lvorm: X }", "onDelete: tombstone")
                .replace("entity: Material", "entity: InspectionResult"));

        PartnerConfigException e = catchThrowableOfType(PartnerConfigException.class, this::load);

        assertThat(e.problems()).extracting(ConfigProblem::key, ConfigProblem::rule)
                .contains(tuple("tables.erp.mara.onDelete", "tombstone"));
    }

    @Test
    void theSampleSourceIsValid() throws Exception {
        Files.createDirectories(dir.resolve("partners"));
        Files.createDirectories(dir.resolve("cdc"));
        Files.copy(Path.of("../config/cdc/legacy-erp.yml"), dir.resolve("cdc/legacy-erp.yml"));
        Files.createDirectories(dir.resolve("data/secrets"));
        Files.writeString(dir.resolve("data/secrets/postgresql.password"), "pw");

        PartnerRegistry registry = load();

        assertThat(registry.partner("legacy-erp").orElseThrow().messageTypes()).containsOnlyKeys("erp.materials", "erp.batches");
    }

    @Test
    void namesEveryProblemWithFileKeyAndRule() throws Exception {
        write("old-erp.yml", """
                id: old-erp
                kind: MAINFRAME
                enabled: maybe
                database:
                  type: oracle
                  host: erp-db
                  database: erp
                  username: medhub_cdc
                  password: plain-text-password
                  zone: Mars/Olympus
                  schema: erp
                tables:
                  mara:
                    entity: Material
                  erp.marc:
                    entity: Plant
                    key: [werks]
                    fields: { plant: werks }
                  erp.mch1:
                    entity: Batch
                    key: [charg]
                    onDelete: X
                    fields:
                      lot: { path: $.charg }
                      gtin: "gtin-column"
                """);

        PartnerConfigException e = catchThrowableOfType(PartnerConfigException.class, this::load);

        assertThat(e.problems()).extracting(ConfigProblem::key, ConfigProblem::rule).contains(
                tuple("kind", "enum"),
                tuple("enabled", "boolean"),
                tuple("database.type", "enum"),
                tuple("database.password", "credential-reference"),
                tuple("database.zone", "zone"),
                tuple("database.schema", "unknown-key"),
                tuple("tables.mara", "table-name"),
                tuple("tables.erp.marc.entity", "entity"),
                tuple("tables.erp.mch1.onDelete", "type"),
                tuple("tables.erp.mch1.fields.lot.path", "column-not-path"),
                tuple("tables.erp.mch1.fields.gtin", "column"));
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).endsWith("old-erp.yml"));
        assertThat(e.getMessage()).doesNotContain("plain-text-password");
    }

    @Test
    void aSourceMayNotTakeAPartnersId() throws Exception {
        Files.createDirectories(dir.resolve("partners"));
        Files.writeString(dir.resolve("partners/old-erp.yml"), """
                id: old-erp
                kind: ERP
                """);
        write("old-erp.yml", SOURCE);

        PartnerConfigException e = catchThrowableOfType(PartnerConfigException.class, this::load);

        assertThat(e.problems()).extracting(ConfigProblem::key, ConfigProblem::rule).containsExactly(tuple("id", "id-unique"));
    }

    private void write(String name, String yaml) throws Exception {
        Files.createDirectories(dir.resolve("partners"));
        Files.createDirectories(dir.resolve("cdc"));
        Files.writeString(dir.resolve("cdc").resolve(name), yaml);
    }
}
