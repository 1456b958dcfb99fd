package org.medhub.canonical.gudid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;
import static org.medhub.canonical.gudid.ProductRecords.productionIdentifiers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.fixtures.SharedFixtures;
import org.medhub.canonical.udi.Udi;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/** Responses of the AccessGUDID API as MedicalMundi's client records them, from the shared fixtures. */
class AccessGudidFixturesTest {

    private static final String FOLDER = "MedicalMundi-php-access-gudid-consumer/tests/E2E/WebResponseExampleFixture/";

    /**
     * What medhub makes of each Parse UDI response. Neither recorded response is a UDI medhub reads: AccessGUDID's
     * own example has a GTIN with a wrong check digit (AccessGUDID does not check it), the other is ICCBBA's.
     */
    private static final Map<String, String> PARSE_UDI_OUTCOMES = Map.of(
            "json_parse_udi_by_device_identifier_code.json", "incorrect-check-digit",
            "json_parse_udi_by_unique_device_identifier_code.json", "not-gs1");

    @Test
    void everyParseUdiResponseReadsAsMedhubReadsItsUdiOrIsRefusedForAReason() {
        Map<String, String> outcomes = new TreeMap<>();
        for (Path file : files("json_parse_udi_")) {
            PublishedUdi published = AccessGudid.parsedUdi(json(file));
            try {
                Udi udi = published.toUdi();
                assertThat(published.disagreementsWith(udi)).as(file.getFileName().toString()).isEmpty();
                outcomes.put(file.getFileName().toString(), "agrees");
            } catch (InvalidRecordException refused) {
                assertThat(refused.violations()).as(file.getFileName().toString()).hasSize(1);
                outcomes.put(file.getFileName().toString(), refused.violations().get(0).rule());
            }
        }
        Map<String, String> expected = new TreeMap<>();
        outcomes.keySet().forEach(name -> expected.put(name, PARSE_UDI_OUTCOMES.getOrDefault(name, "agrees")));
        assertThat(outcomes).hasSize(2).isEqualTo(expected);
    }

    @Test
    void theGs1ParseUdiResponseDiffersFromTheUdiOnlyInTheCheckDigitAccessGudidLetPass() {
        PublishedUdi published = AccessGudid.parsedUdi(json("json_parse_udi_by_device_identifier_code.json"));
        assertThat(published.udi()).isEqualTo("(01)00208851107345(17)150331");
        assertThat(published.di()).isEqualTo("00208851107345");
        assertThat(published.expirationDate()).isEqualTo(LocalDate.of(2015, 3, 31));
        assertThat(published.expirationDateOriginal()).isEqualTo("150331");

        InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class,
                () -> Udi.parse(published.udi()));
        assertThat(refused.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("(01)", "incorrect-check-digit"));
        assertThat(refused.getMessage()).contains("check digit 5 where 7 is expected");

        Udi corrected = Udi.parse("(01)00208851107347(17)150331");
        assertThat(corrected.expiry()).isEqualTo(published.expirationDate());
        assertThat(published.disagreementsWith(corrected)).extracting(Violation::field).containsExactly("di");
    }

    @Test
    void theIccbbaUdisArePublishedWithTheirPartsAndRefusedAsGs1() {
        PublishedUdi parsed = AccessGudid.parsedUdi(json("json_parse_udi_by_unique_device_identifier_code.json"));
        PublishedUdi inLookup = AccessGudid.parsedUdi(
                json("json_devices_lookup_by_unique_device_identifier_code.json"));
        PublishedUdi inHistory = AccessGudid.parsedUdi(
                json("json_devices_history_by_unique_device_identifier_code.json"));

        assertThat(parsed.di()).isEqualTo("A9999XYZ100T0944");
        assertThat(inLookup.di()).isEqualTo("08717648200274");
        assertThat(inHistory).isEqualTo(inLookup);
        for (PublishedUdi published : List.of(parsed, inLookup)) {
            assertThat(published.issuingAgency()).isEqualTo("ICCBBA");
            assertThat(published.serialNumber()).isEqualTo("000025");
            assertThat(published.lotNumber()).isEqualTo("000000000000XYZ123");
            assertThat(published.donationId()).isEqualTo("A99971312345600");
            // ISBT 128 dates are YYYJJJ: year 2014, day 32
            assertThat(published.expirationDateOriginal()).isEqualTo("014032");
            assertThat(published.expirationDate()).isEqualTo(LocalDate.of(2014, 2, 1));
            assertThat(published.manufacturingDate()).isEqualTo(LocalDate.of(2013, 2, 1));
            assertThat(catchThrowableOfType(InvalidRecordException.class, published::toUdi).violations())
                    .extracting(Violation::rule).containsExactly("not-gs1");
            assertThat(catchThrowableOfType(InvalidRecordException.class, () -> Udi.parse(published.udi())))
                    .as("GS1 rules do not read ISBT 128 data").isNotNull();
        }
    }

    @Test
    void everyDeviceLookupIsAValidProduct() {
        List<Path> lookups = files("json_devices_lookup_");

        assertThat(lookups).hasSize(3);
        for (Path file : lookups) {
            ProductRecords.assertValidProduct(AccessGudid.device(json(file)));
        }
    }

    @Test
    void theDeviceLookupsPublishTheirIdentifiers() {
        GudidDevice stent = AccessGudid.device(json("json_devices_lookup_by_device_identifier_code.json"));
        ObjectNode product = stent.product();
        assertThat(product.path("gtin").asText()).isEqualTo("08717648200274");
        assertThat(product.path("brandName").asText()).isEqualTo("XIENCE ALPINE");
        assertThat(product.path("model").asText()).isEqualTo("1145350-28");
        assertThat(product.path("catalogNumber").asText()).isEqualTo("1145350-28");
        assertThat(product.path("manufacturerName").asText()).isEqualTo("ABBOTT VASCULAR INC.");
        assertThat(product.path("gmdnTerm").asText())
                .isEqualTo("Drug-eluting coronary artery stent, non-bioabsorbable-polymer-coated");
        assertThat(productionIdentifiers(product)).containsExactly("LOT", "EXPIRY_DATE");
        assertThat(product.path("sterile").asBoolean()).isTrue();
        assertThat(product.at("/storage/minTemperature/value").decimalValue()).isEqualByComparingTo("25");
        assertThat(product.at("/storage/maxTemperature/value").decimalValue()).isEqualByComparingTo("25");
        assertThat(product.path("status").asText()).isEqualTo("IN_COMMERCIAL_DISTRIBUTION");
        assertThat(stent.notes()).anyMatch(note -> note.startsWith("highest Handling Environment Temperature 30"));
        assertThat(AccessGudid.device(json("json_devices_lookup_by_unique_device_identifier_code.json")).product())
                .isEqualTo(product);

        ObjectNode trial = AccessGudid.device(json("json_devices_lookup_by_public_record_key_code.json")).product();
        assertThat(trial.path("gtin").asText()).isEqualTo("03596010535344");
        assertThat(trial.path("brandName").asText()).isEqualTo("EMPERION");
        assertThat(trial.path("model").asText()).isEqualTo("71360949");
        assertThat(trial.path("manufacturerName").asText()).isEqualTo("Smith & Nephew, Inc.");
        assertThat(productionIdentifiers(trial)).containsExactly("LOT");
        assertThat(trial.path("sterile").asBoolean()).isFalse();
        assertThat(trial.path("sterilizationMethod").asText()).isEqualTo("MOIST_HEAT");
        assertThat(trial.path("status").asText()).isEqualTo("NOT_IN_COMMERCIAL_DISTRIBUTION");
        assertThat(trial.path("commercialDistributionEndDate").asText()).isEqualTo("2018-03-30");
    }

    @Test
    void everyHistoryVersionIsAValidProductAndTheLatestIsWhatTheLookupPublishes() {
        List<AccessGudid.Version> byDi = history("json_devices_history_by_device_identifier_code.json");
        List<AccessGudid.Version> byKey = history("json_devices_history_by_public_record_key_code.json");
        List<AccessGudid.Version> byUdi = history("json_devices_history_by_unique_device_identifier_code.json");

        assertThat(byDi).extracting(AccessGudid.Version::number, AccessGudid.Version::date).containsExactly(
                tuple(2, LocalDate.of(2018, 3, 29)), tuple(3, LocalDate.of(2018, 7, 23)));
        assertThat(byKey).extracting(AccessGudid.Version::number).containsExactly(2, 3, 4, 5);
        assertThat(byUdi).extracting(AccessGudid.Version::number).containsExactly(2, 3);
        Stream.of(byDi, byKey, byUdi).flatMap(List::stream).map(AccessGudid.Version::device)
                .forEach(ProductRecords::assertValidProduct);

        // the JSON of a lookup and the XML of the same version make the same Product
        assertThat(byDi.get(1).device().product())
                .isEqualTo(AccessGudid.device(json("json_devices_lookup_by_device_identifier_code.json")).product());
        assertThat(byKey.get(3).device().product())
                .isEqualTo(AccessGudid.device(json("json_devices_lookup_by_public_record_key_code.json")).product());
        assertThat(byKey).extracting(version -> version.device().product().path("gmdnTerm").asText()).containsExactly(
                "Femoral stem trial prosthesis", "Femoral stem trial prosthesis", "Femoral stem trial prosthesis",
                "Femoral stem prosthesis trial");
    }

    @Test
    void theExtractedHistoryXmlIsTheVersionItWasTakenFrom() throws IOException {
        Path extracted = SharedFixtures.require(
                FOLDER + "json_devices_history_by_device_identifier_code.version3.extracted.xml");
        List<GudidDevice> devices;
        try (InputStream in = Files.newInputStream(extracted)) {
            devices = new GudidXmlReader().readAll(in);
        }
        List<AccessGudid.Version> history = history("json_devices_history_by_device_identifier_code.json");

        assertThat(devices).singleElement().satisfies(device ->
                assertThat(device.product()).isEqualTo(history.get(1).device().product()));
    }

    private static List<Path> files(String prefix) {
        Path folder = SharedFixtures.require(FOLDER + "json_devices_lookup_by_device_identifier_code.json").getParent();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<AccessGudid.Version> history(String name) {
        return AccessGudid.history(json(name), new GudidXmlReader());
    }

    private static JsonNode json(String name) {
        return json(SharedFixtures.require(FOLDER + name));
    }

    private static JsonNode json(Path file) {
        try {
            return CanonicalJson.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
