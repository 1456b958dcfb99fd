package org.medhub.canonical.gudid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.InvalidRecordException;
import org.medhub.canonical.validation.Violation;

/** The GUDID device XML reader on our own files, without the shared fixtures. */
class GudidXmlReaderTest {

    private final GudidXmlReader reader = new GudidXmlReader();

    @Test
    void readsEachDeviceAsTheProductItPublishesOrTheReasonItIsNone() throws IOException {
        List<GudidDevice> devices = readOwn(reader, "devices.xml");

        ArrayNode read = CanonicalJson.mapper().createArrayNode();
        devices.forEach(device -> read.add(asJson(device)));
        // through text, so that a number compares by its JSON value, not by the Java type that holds it
        JsonNode actual = CanonicalJson.mapper().readTree(CanonicalJson.toBytes(read));
        JsonNode expected = CanonicalJson.mapper().readTree(resource("devices-expected.json"));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyProductItReadsIsValidOnceTheFieldsGudidDoesNotPublishAreAdded() {
        List<GudidDevice> products = readOwn(reader, "devices.xml").stream()
                .filter(GudidDevice::isProduct).toList();

        assertThat(products).extracting(GudidDevice::primaryDi).containsExactly("09506000117843", "09506000117850");
        products.forEach(ProductRecords::assertValidProduct);
    }

    @Test
    void refusesADoctypeSoThatAnExternalEntityIsNeverRead() {
        InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class,
                () -> readOwn(reader, "doctype-external-entity.xml"));

        assertThat(refused.entity()).isEqualTo(GudidXmlReader.ENTITY);
        assertThat(refused.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo("doctype-refused");
            assertThat(violation.field()).startsWith("line ");
            assertThat(violation.message()).contains("DOCTYPE").doesNotContain("root:");
        });
    }

    @Test
    void refusesAnExternalDtdBeforeFetchingIt() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE gudid SYSTEM \"http://127.0.0.1:9/gudid.dtd\">"
                + "<gudid xmlns=\"http://www.fda.gov/cdrh/gudid\"/>";

        assertThat(rules(() -> reader.readAll(xml))).containsExactly("doctype-refused");
        assertThat(rules(() -> reader.readAll(stream(xml)))).containsExactly("doctype-refused");
    }

    @Test
    void refusesEntityExpansion() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE gudid [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<gudid xmlns=\"http://www.fda.gov/cdrh/gudid\">"
                + "<device><brandName>&lol2;</brandName></device></gudid>";

        assertThat(rules(() -> reader.readAll(stream(xml)))).containsExactly("doctype-refused");
    }

    @Test
    void refusesInputLargerThanItsBound() {
        GudidXmlReader small = new GudidXmlReader(1024);

        assertThat(rules(() -> readOwn(small, "devices.xml"))).containsExactly("input-too-large");
        assertThat(rules(() -> small.readAll(new String(readBytes("devices.xml"), StandardCharsets.UTF_8))))
                .containsExactly("input-too-large");
    }

    @Test
    void refusesNestingDeeperThanAnyGudidDevice() {
        String xml = "<gudid><device>" + "<a>".repeat(40) + "</a>".repeat(40) + "</device></gudid>";

        assertThat(rules(() -> reader.readAll(xml))).containsExactly("too-deep");
    }

    @Test
    void refusesMalformedXmlNamingWhere() {
        InvalidRecordException refused = catchThrowableOfType(InvalidRecordException.class,
                () -> reader.readAll(stream("<gudid>\n<device><brandName>open</device>\n</gudid>")));

        assertThat(refused.violations()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo("malformed-xml");
            assertThat(violation.field()).matches("line 2, column [0-9]+");
            assertThat(violation.message()).contains("brandName");
        });
    }

    @Test
    void readsASingleDeviceDocumentAsAccessGudidHistoryHoldsIt() {
        String xml = "<?xml version='1.0' encoding='UTF-8'?><device xmlns='http://www.fda.gov/cdrh/gudid'>"
                + "<identifiers><identifier><deviceId>09506000117843</deviceId><deviceIdType>Primary</deviceIdType>"
                + "<deviceIdIssuingAgency>GS1</deviceIdIssuingAgency></identifier></identifiers>"
                + "<companyName>Smith &amp; Lanyue</companyName></device>";

        List<GudidDevice> devices = reader.readAll(xml);

        assertThat(devices).singleElement().satisfies(device -> {
            assertThat(device.primaryDi()).isEqualTo("09506000117843");
            assertThat(device.product().path("manufacturerName").asText()).isEqualTo("Smith & Lanyue");
        });
    }

    @Test
    void ignoresElementsOfOtherNamespacesNamedDevice() {
        String xml = "<gudid xmlns='http://www.fda.gov/cdrh/gudid' xmlns:x='urn:other'><x:device/></gudid>";

        assertThat(reader.readAll(xml)).isEmpty();
    }

    static ObjectNode asJson(GudidDevice device) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        json.put("primaryDi", device.primaryDi());
        json.put("issuingAgency", device.issuingAgency());
        if (device.isProduct()) {
            json.set("product", device.product());
        } else {
            json.put("notAProduct", device.notAProduct());
        }
        device.notes().forEach(json.putArray("notes")::add);
        return json;
    }

    private static List<String> rules(Runnable read) {
        return catchThrowableOfType(InvalidRecordException.class, read::run).violations().stream()
                .map(Violation::rule).toList();
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<GudidDevice> readOwn(GudidXmlReader reader, String name) {
        try (InputStream in = resource(name)) {
            return reader.readAll(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String name) {
        InputStream in = GudidXmlReaderTest.class.getResourceAsStream("/gudid/" + name);
        assertThat(in).as("test resource gudid/" + name).isNotNull();
        return in;
    }

    private static byte[] readBytes(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
