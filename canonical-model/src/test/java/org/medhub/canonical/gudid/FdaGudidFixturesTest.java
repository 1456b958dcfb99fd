package org.medhub.canonical.gudid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medhub.canonical.gudid.ProductRecords.packaging;
import static org.medhub.canonical.gudid.ProductRecords.packagings;
import static org.medhub.canonical.gudid.ProductRecords.productionIdentifiers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.fixtures.SharedFixtures;

/** The FDA GUDID device XML that openFDA tests with, from the shared fixtures; skipped without them. */
class FdaGudidFixturesTest {

    private static final String FOLDER = "FDA-openfda/openfda/device_udi/tests/";
    private static final String TEST_RECORD = FOLDER + "test.xml";
    private static final String RELEASE_SAMPLE = FOLDER + "file.zip.file1.sample-subset.xml";

    @Test
    void theTestRecordIsAValidProduct() {
        List<GudidDevice> devices = read(TEST_RECORD);

        assertThat(devices).hasSize(1);
        devices.forEach(ProductRecords::assertValidProduct);
    }

    @Test
    void everyDeviceOfTheReleaseSampleIsAValidProduct() {
        List<GudidDevice> devices = read(RELEASE_SAMPLE);

        assertThat(devices).hasSize(19).allSatisfy(device -> assertThat(device.issuingAgency()).isEqualTo("GS1"));
        devices.forEach(ProductRecords::assertValidProduct);
    }

    @Test
    void theTestRecordPublishesItsIdentifiers() {
        ObjectNode product = read(TEST_RECORD).get(0).product();

        assertThat(product.path("gtin").asText()).isEqualTo("00844588018923");
        assertThat(product.path("brandName").asText()).isEqualTo("CS2 Acet. Cup Sys. - VitalitE");
        assertThat(product.path("model").asText()).isEqualTo("1107-0-3258");
        assertThat(product.path("catalogNumber").asText()).isEqualTo("1107-0-3258");
        assertThat(product.path("manufacturerName").asText()).isEqualTo("CONSENSUS ORTHOPEDICS, INC.");
        // of its two GMDN terms, the active one
        assertThat(product.path("gmdnCode").asText()).isEqualTo("43691");
        assertThat(product.path("gmdnTerm").asText()).isEqualTo("Non-constrained polyethylene acetabular liner");
        assertThat(product.path("implantable").asBoolean()).isTrue();
        assertThat(productionIdentifiers(product)).containsExactly("LOT", "EXPIRY_DATE");
        assertThat(product.path("sterile").asBoolean()).isFalse();
        assertThat(product.path("sterilizationMethod").asText()).isEqualTo("MOIST_HEAT");
        assertThat(product.path("singleUse").asBoolean()).isTrue();
        assertThat(product.at("/storage/minTemperature/value").decimalValue()).isEqualByComparingTo("-30");
        assertThat(product.at("/storage/maxTemperature/value").decimalValue()).isEqualByComparingTo("8");
        assertThat(product.at("/storage/maxTemperature/unit").asText()).isEqualTo("Cel");
        assertThat(product.at("/storage/specialConditions").asText())
                .isEqualTo("This device must be stored in a dry location away from temperature extremes");
        assertThat(packagings(product)).containsExactly(packaging("00844868017264", "00844868017288", 25));
        assertThat(product.at("/packagings/0/packagingType").asText()).isEqualTo("case");
        assertThat(product.path("status").asText()).isEqualTo("IN_COMMERCIAL_DISTRIBUTION");
        assertThat(product.path("commercialDistributionEndDate").asText()).isEqualTo("2018-09-24");
    }

    @Test
    void theReleaseSamplePublishesItsIdentifiers() {
        Map<String, GudidDevice> devices = ProductRecords.byPrimaryDi(read(RELEASE_SAMPLE));

        ObjectNode lens = devices.get("00841542103688").product();
        assertThat(lens.path("brandName").asText()).isEqualTo("Visian ICL (Implantable Collamer Lens)");
        assertThat(lens.path("model").asText()).isEqualTo("MICL 13.7");
        assertThat(lens.has("catalogNumber")).isFalse();
        assertThat(lens.path("gmdnTerm").asText()).isEqualTo("Posterior-chamber intraocular lens, phakic");
        assertThat(productionIdentifiers(lens)).containsExactly("SERIAL", "EXPIRY_DATE");
        assertThat(lens.at("/storage/maxTemperature/value").decimalValue()).isEqualByComparingTo("40");
        assertThat(lens.at("/storage/minTemperature").isMissingNode()).isTrue();

        ObjectNode oxygen = devices.get("00841447100270").product();
        assertThat(oxygen.path("model").asText()).isEqualTo("HF2POSTD81");
        assertThat(productionIdentifiers(oxygen)).containsExactly("SERIAL", "MANUFACTURING_DATE");
        assertThat(oxygen.at("/storage/minTemperature/unit").asText()).isEqualTo("[degF]");
        assertThat(oxygen.at("/storage/minTemperature/value").decimalValue()).isEqualByComparingTo("-40");
        assertThat(devices.get("00841447100270").notes())
                .anyMatch(note -> note.startsWith("highest Handling Environment Temperature 140"));

        // the package DI comes before the primary one in the record
        assertThat(packagings(devices.get("00841470103934").product()))
                .containsExactly(packaging("10841470103931", "00841470103934", 10));
        assertThat(packagings(devices.get("00841036088873").product()))
                .containsExactly(packaging("00841036073565", "00841036088873", 5));
        assertThat(packagings(devices.get("00840861101801").product()))
                .containsExactly(packaging("10840861101808", "00840861101801", 4));

        ObjectNode cage = devices.get("00841193111445").product();
        assertThat(cage.path("manufacturerName").asText()).isEqualTo("Quality Tech Services, Inc.");
        assertThat(productionIdentifiers(cage)).containsExactly("LOT", "SERIAL", "MANUFACTURING_DATE");
        assertThat(cage.at("/storage/specialConditions").asText()).isEqualTo("Store at room temperature");

        assertThat(devices.get("00841508106746").product().path("brandName").asText()).isEqualTo("Cabo™");
    }

    private static List<GudidDevice> read(String relative) {
        Path file = SharedFixtures.require(relative);
        try (InputStream in = Files.newInputStream(file)) {
            return new GudidXmlReader().readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
