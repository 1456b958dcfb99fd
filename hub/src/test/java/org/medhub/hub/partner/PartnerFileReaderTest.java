package org.medhub.hub.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medhub.connectors.http.HttpDestination;

class PartnerFileReaderTest {

    @TempDir
    Path dir;

    private final Map<String, String> environment = Map.of("ACME_SECRET", "s3cret");
    private final PartnerFileReader reader = new PartnerFileReader(s -> s,
            new CredentialStore(Path.of("/nonexistent"), environment::get, false), Set.of("erp-delivery"),
            url -> URI.create("http://127.0.0.1:1/" + url.substring(SimulatedSystems.SCHEME.length())), 1024);

    @Test
    void readsAValidPartner() throws Exception {
        write("acme.yml", """
                id: acme
                kind: CONTRACT_MANUFACTURER
                credential: env:ACME_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping:
                      id: acme-batch
                      version: 2
                      entity: Batch
                      fields:
                        gtin: $.gtin
                        lot: { path: $.lot }
                        status: { path: $.state, codes: { 放行: RELEASED } }
                subscriptions:
                  - entity: Batch
                    url: simulator:erp/api/batches
                    resilience: erp-delivery
                """);

        PartnerRegistry registry = PartnerRegistry.load(dir, reader);

        var acme = registry.partner("acme").orElseThrow();
        assertThat(acme.messageType("batch-record").orElseThrow().mapping().version()).isEqualTo(2);
        assertThat(acme.messageType("batch-record").orElseThrow().mapping().fields().get("status").codes())
                .containsEntry("放行", "RELEASED");
        assertThat(acme.subscriptions().get(0).destination())
                .isEqualTo(new HttpDestination(java.net.URI.create("http://127.0.0.1:1/erp/api/batches")));
        assertThat(registry.credentialMatches("acme", "s3cret")).isTrue();
        assertThat(registry.credentialMatches("acme", "s3cret ")).isFalse();
    }

    @Test
    void namesEveryProblemWithFileKeyAndRule() throws Exception {
        Path file = write("acme.yml", """
                id: Acme
                kind: FACTORY
                credential: hunter2
                colour: blue
                inbound:
                  batch-record:
                    format: pdf
                    charset: KLINGON
                    mapping:
                      id: acme-batch
                      version: one
                      entity: Lot
                      fields:
                        gtin: gtin
                subscriptions:
                  - entity: Batch
                    url: not a url
                    resilience: nowhere
                """);

        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(dir, reader));

        assertThat(failure.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo(file.toString()));
        assertThat(failure.problems()).extracting(ConfigProblem::key, ConfigProblem::rule).contains(
                org.assertj.core.groups.Tuple.tuple("colour", "unknown-key"),
                org.assertj.core.groups.Tuple.tuple("id", "id-format"),
                org.assertj.core.groups.Tuple.tuple("kind", "enum"),
                org.assertj.core.groups.Tuple.tuple("credential", "credential-reference"),
                org.assertj.core.groups.Tuple.tuple("inbound.batch-record.format", "enum"),
                org.assertj.core.groups.Tuple.tuple("inbound.batch-record.charset", "charset"),
                org.assertj.core.groups.Tuple.tuple("inbound.batch-record.mapping.version", "integer"),
                org.assertj.core.groups.Tuple.tuple("inbound.batch-record.mapping.entity", "dictionary-entity"),
                org.assertj.core.groups.Tuple.tuple("inbound.batch-record.mapping.fields.gtin", "jsonpath"),
                org.assertj.core.groups.Tuple.tuple("subscriptions[0].url", "http-url"),
                org.assertj.core.groups.Tuple.tuple("subscriptions[0].resilience", "resilience-profile"));
        assertThat(failure.getMessage()).contains(file + ": credential: must be a reference")
                .doesNotContain("hunter2");
    }

    @Test
    void readsABatchedSubscriptionAndRefusesABatchTooLargeOrWithAnOutboundMapping() throws Exception {
        Path partners = Files.createDirectories(dir.resolve("config/partners"));
        Files.writeString(Files.createDirectories(dir.resolve("config/mappings")).resolve("erp-csv.yml"), """
                id: erp-csv
                version: 1
                direction: outbound
                format: csv
                entity: Batch
                fields: { 批号: $.lot }
                """);
        Files.writeString(partners.resolve("erp.yml"), """
                id: erp
                kind: ERP
                subscriptions:
                  - entity: Batch
                    url: simulator:erp/api/batches
                    resilience: erp-delivery
                    batch: 200
                """);
        assertThat(PartnerRegistry.load(partners, reader).partner("erp").orElseThrow().subscriptions().get(0).batch())
                .isEqualTo(200);

        Files.writeString(partners.resolve("erp.yml"), """
                id: erp
                kind: ERP
                subscriptions:
                  - { entity: Batch, url: simulator:erp/a, resilience: erp-delivery, batch: 1001 }
                  - { entity: Batch, url: simulator:erp/b, resilience: erp-delivery, batch: 0 }
                  - { entity: Batch, url: simulator:erp/c, resilience: erp-delivery, batch: 50, mapping: erp-csv }
                """);
        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(partners, reader));

        assertThat(failure.problems()).extracting(ConfigProblem::key, ConfigProblem::rule).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("subscriptions[0].batch", "maximum"),
                org.assertj.core.groups.Tuple.tuple("subscriptions[1].batch", "minimum"),
                org.assertj.core.groups.Tuple.tuple("subscriptions[2].batch", "batch-canonical-only"));
    }

    @Test
    void readsASubscriptionsTransportAndRefusesOneTheHubDoesNotHave() throws Exception {
        Path partners = Files.createDirectories(dir.resolve("config/partners"));
        Files.writeString(partners.resolve("erp.yml"), """
                id: erp
                kind: ERP
                subscriptions:
                  - { entity: Batch, transport: http, url: simulator:erp/a, resilience: erp-delivery }
                """);
        assertThat(PartnerRegistry.load(partners, reader).partner("erp").orElseThrow().subscriptions().get(0).destination()
                .transport()).isEqualTo("http");

        Files.writeString(partners.resolve("erp.yml"), """
                id: erp
                kind: ERP
                subscriptions:
                  - { entity: Batch, transport: carrier-pigeon, url: simulator:erp/a, resilience: erp-delivery }
                """);
        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(partners, reader));

        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("subscriptions[0].transport");
            assertThat(p.rule()).isEqualTo("transport");
            assertThat(p.message()).contains("carrier-pigeon").contains("[http]");
        });
    }

    @Test
    void refusesAMappingOfAFieldTheEntityDoesNotHave() throws Exception {
        write("acme.yml", """
                id: acme
                kind: CONTRACT_MANUFACTURER
                credential: env:ACME_SECRET
                inbound:
                  batch-record:
                    format: json
                    mapping: { id: m, version: 1, entity: Batch, fields: { colour: $.colour } }
                """);

        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(dir, reader));

        assertThat(failure.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("inbound.batch-record.mapping.fields.colour");
            assertThat(p.rule()).isEqualTo("dictionary-field");
        });
    }

    @Test
    void refusesAnIdThatDiffersFromTheFileNameAndAnUnsetCredentialVariable() throws Exception {
        write("acme.yml", """
                id: acme-two
                kind: SUPPLIER
                credential: env:NOT_SET
                inbound:
                  batch-record:
                    format: json
                    mapping: { id: m, version: 1, entity: Batch, fields: { gtin: $.gtin } }
                """);

        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(dir, reader));

        assertThat(failure.problems()).extracting(ConfigProblem::rule)
                .containsExactlyInAnyOrder("id-matches-file", "credential-reference");
        assertThat(failure.problems()).extracting(ConfigProblem::message)
                .anySatisfy(m -> assertThat(m).contains("NOT_SET is not set"));
    }

    @Test
    void readsAMappingByIdFromTheMappingsFolderBesideThePartners() throws Exception {
        Path partners = Files.createDirectories(dir.resolve("config/partners"));
        Path mappings = Files.createDirectories(dir.resolve("config/mappings"));
        Files.writeString(mappings.resolve("mes-lots.yml"), """
                id: mes-lots
                version: 4
                format: xml
                charset: GB18030
                records:
                  - entity: Batch
                    forEach: /Lots/Lot
                    fields: { gtin: Gtin, lot: LotNo, materialNumber: Item, status: { constant: IN_PRODUCTION } }
                """);
        Files.writeString(partners.resolve("mes.yml"), """
                id: mes
                kind: MES
                credential: env:ACME_SECRET
                inbound:
                  lots: { mapping: mes-lots }
                  lots-utf8: { format: xml, charset: UTF-8, mapping: mes-lots }
                """);

        PartnerRegistry registry = PartnerRegistry.load(partners, reader);

        var mes = registry.partner("mes").orElseThrow();
        assertThat(mes.messageType("lots").orElseThrow().mapping().version()).isEqualTo(4);
        assertThat(mes.messageType("lots").orElseThrow().format()).isEqualTo("xml");
        assertThat(mes.messageType("lots").orElseThrow().charset().name()).isEqualTo("GB18030");
        assertThat(mes.messageType("lots-utf8").orElseThrow().mapping().charset().name()).isEqualTo("UTF-8");
    }

    @Test
    void namesTheMappingFileKeyAndRuleOfAProblemInAReferencedMapping() throws Exception {
        Path partners = Files.createDirectories(dir.resolve("config/partners"));
        Path mappings = Files.createDirectories(dir.resolve("config/mappings"));
        Path mapping = Files.writeString(mappings.resolve("mes-lots.yml"), """
                id: mes-lots
                version: 1
                format: xml
                records:
                  - entity: Batch
                    forEach: /b:Lots/b:Lot
                    fields: { lot: LotNo }
                """);
        Path partner = Files.writeString(partners.resolve("mes.yml"), """
                id: mes
                kind: MES
                credential: env:ACME_SECRET
                inbound:
                  lots: { format: json, mapping: mes-lots }
                  others: { mapping: no-such-mapping }
                """);

        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(partners, reader));

        assertThat(failure.problems()).extracting(ConfigProblem::file, ConfigProblem::key, ConfigProblem::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(mapping.toString(), "records[0].forEach", "xpath"),
                        org.assertj.core.groups.Tuple.tuple(partner.toString(), "inbound.others.mapping", "mapping-file"));
    }

    @Test
    void loadsTheSamplePartnersOfTheRepository() throws Exception {
        PartnerFileReader samples = new PartnerFileReader(s -> s.replaceAll("\\$\\{[A-Z_]+:([^}]*)}", "$1"),
                new CredentialStore(dir, environment::get, true), Set.of("erp-delivery", "partner-delivery"),
                url -> URI.create("http://127.0.0.1:1/" + url.substring(SimulatedSystems.SCHEME.length())), 1024);

        PartnerRegistry registry = PartnerRegistry.load(Path.of("../config/partners"), samples);

        assertThat(registry.partners()).extracting(p -> p.id()).contains("acme-factory", "erp", "mes-suzhou", "lims-qc",
                "wms-cold-chain", "erp-idoc", "supplier-edi");
        assertThat(registry.partner("mes-suzhou").orElseThrow().messageType("production-performance").orElseThrow()
                .mapping().records()).extracting(r -> r.entity()).containsExactly("Batch", "MaterialConsumption");
        assertThat(registry.partner("lims-qc").orElseThrow().messageType("inspection-results").orElseThrow()
                .charset().name()).isEqualTo("GB18030");
    }

    @Test
    void refusesAMissingPartnersDirectory() {
        PartnerConfigException failure = catchThrowableOfType(PartnerConfigException.class,
                () -> PartnerRegistry.load(dir.resolve("missing"), reader));

        assertThat(failure.problems()).extracting(ConfigProblem::rule).isEqualTo(List.of("directory"));
    }

    private Path write(String name, String yaml) throws Exception {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
