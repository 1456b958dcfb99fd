package org.medhub.routes.customs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.entity.Batch;
import org.medhub.canonical.entity.CommercialInvoice;
import org.medhub.canonical.entity.CustomsDeclaration;
import org.medhub.canonical.entity.RegistrationCertificate;
import org.medhub.canonical.entity.Shipment;

/** Each pre-flight rule failing on its own, several at once, and a declaration that may leave. */
class PreflightTest {

    private final Preflight preflight = new Preflight(PreflightSettings.defaults());

    @Test
    void aDeclarationThatAgreesWithItsRecordsMayLeave() throws IOException {
        assertThat(preflight.check(bundle(b -> { }))).isEmpty();
    }

    @Test
    void anHsCodeMalformedOrOutsideTheDeclarantsHeadingsIsFound() throws IOException {
        assertThat(rules(bundle(b -> line(b, 0).put("hsCode", "90A8")))).containsExactly(
                Preflight.HS_CODE + ": lines[0].hsCode = '90A8': expected an HS code of 6 to 13 digits, e.g. 9018390000");
        assertThat(rules(bundle(b -> line(b, 1).put("hsCode", "8471300000")))).singleElement().asString()
                .startsWith(Preflight.HS_CODE + ": lines[1].hsCode = '8471300000'");
    }

    @Test
    void aLegalQuantityMissingOrNotTheDeclaredOneConvertedIsFound() throws IOException {
        assertThat(rules(bundle(b -> line(b, 0).remove("firstLegalQuantity")))).singleElement().asString()
                .startsWith(Preflight.LEGAL_UNITS + ": lines[0].firstLegalQuantity");
        assertThat(rules(bundle(b -> ((ObjectNode) line(b, 1).get("firstLegalQuantity")).put("value", 499))))
                .singleElement().asString().contains("lines[1].firstLegalQuantity");
        Preflight withSecondUnits = new Preflight(new PreflightSettings(Preflight.RULES, Set.of(), Map.of(), Set.of("901831")));
        assertThat(withSecondUnits.check(bundle(b -> { }))).extracting(Finding::field).containsExactly("lines[0].secondLegalQuantity");
    }

    @Test
    void aRegistrationCertificateMissingExpiredOrSuspendedOnTheDeclarationDateIsFound() throws IOException {
        assertThat(rules(bundle(b -> b.with("CustomsDeclaration").put("declarationDate", "2027-06-01"))))
                .singleElement().asString().contains(Preflight.REGISTRATION_VALID).contains("lines[1].registrationCertificate")
                .contains("valid on 2027-06-01");
        assertThat(rules(bundle(b -> ((ObjectNode) b.withArray("RegistrationCertificate").get(0)).put("status", "SUSPENDED"))))
                .singleElement().asString().contains("lines[0].registrationCertificate").contains("SUSPENDED");
        assertThat(rules(bundle(b -> line(b, 0).put("registrationCertificate", "国械注准20990000000"))))
                .singleElement().asString().contains("among the records");
    }

    @Test
    void aLicenceDocumentTheHeadingNeedsIsFoundMissing() throws IOException {
        Preflight withLicences = new Preflight(new PreflightSettings(Preflight.RULES, Set.of(), Map.of("9018", List.of("Y")),
                Set.of()));
        assertThat(withLicences.check(bundle(b -> { }))).extracting(Finding::rule).containsExactly(
                Preflight.LICENCE_DOCUMENTS, Preflight.LICENCE_DOCUMENTS);
        assertThat(withLicences.check(bundle(b -> b.with("CustomsDeclaration").putArray("licenceDocuments").addObject()
                .put("documentCode", "Y").put("certificateNumber", "Y-2026-001")))).isEmpty();
    }

    @Test
    void lineTotalsThatDisagreeWithTheirPriceOrWithTheInvoiceAreFound() throws IOException {
        assertThat(rules(bundle(b -> ((ObjectNode) line(b, 0).get("total")).put("amount", 1250.00)))).containsExactly(
                Preflight.INVOICE_TOTALS + ": lines[0].total = '1250.0 USD': expected 0.12 USD × 10000 = 1200.00",
                Preflight.INVOICE_TOTALS + ": lines[].total = '5500.00 USD': expected the invoice INV-2026-0042's goods, 5450.00 USD");
    }

    @Test
    void aNetWeightAboveTheGrossIsFound() throws IOException {
        assertThat(rules(bundle(b -> b.with("CustomsDeclaration").with("netWeight").put("value", 600)))).singleElement()
                .asString().startsWith(Preflight.WEIGHTS + ": netWeight");
    }

    @Test
    void countryAndCurrencyCodesThatAreNoneAreFound() throws IOException {
        assertThat(rules(bundle(b -> {
            b.with("CustomsDeclaration").put("tradeCountry", "XX");
            line(b, 1).put("originCountry", "China");
        }))).extracting(s -> s.substring(0, s.indexOf(" ="))).containsExactly(Preflight.CODES + ": tradeCountry",
                Preflight.CODES + ": lines[1].originCountry");
    }

    @Test
    void moreDeclaredThanTheShipmentsReleasedBatchesHoldIsFound() throws IOException {
        assertThat(rules(bundle(b -> ((ObjectNode) b.withArray("Batch").get(1)).put("status", "QUARANTINE"))))
                .singleElement().asString().startsWith(Preflight.RELEASED_QUANTITY + ": lines[product=09506000134369]");
    }

    @Test
    void reportsEveryRuleBrokenAtOnce() throws IOException {
        List<Finding> findings = preflight.check(bundle(b -> {
            line(b, 0).put("hsCode", "90A8");
            b.with("CustomsDeclaration").with("netWeight").put("value", 600);
            b.with("CustomsDeclaration").put("tradeCountry", "XX");
        }));

        assertThat(findings).extracting(Finding::rule).containsExactlyInAnyOrder(Preflight.HS_CODE, Preflight.WEIGHTS,
                Preflight.CODES);
    }

    private List<String> rules(CustomsBundle bundle) {
        return preflight.check(bundle).stream().map(Finding::toString).toList();
    }

    private static ObjectNode line(ObjectNode bundle, int index) {
        return (ObjectNode) bundle.with("CustomsDeclaration").withArray("lines").get(index);
    }

    /** The sample bundle, changed as a test says. */
    static CustomsBundle bundle(Consumer<ObjectNode> change) throws IOException {
        ObjectNode json;
        try (InputStream in = PreflightTest.class.getResourceAsStream("/customs/bundle.json")) {
            json = (ObjectNode) CanonicalJson.mapper().readTree(in);
        }
        change.accept(json);
        return new CustomsBundle(CanonicalJson.mapper().convertValue(json.get("CustomsDeclaration"), CustomsDeclaration.class),
                byKey(json, "CommercialInvoice", CommercialInvoice.class, CommercialInvoice::invoiceNumber), Map.of(),
                byKey(json, "RegistrationCertificate", RegistrationCertificate.class, RegistrationCertificate::certificateNumber),
                byKey(json, "Shipment", Shipment.class, Shipment::shipmentNumber),
                byKey(json, "Batch", Batch.class, b -> "01/" + b.gtin() + "/10/" + b.lot()));
    }

    private static <T> Map<String, T> byKey(JsonNode json, String entity, Class<T> type, Function<T, String> key) {
        ArrayNode records = (ArrayNode) json.get(entity);
        return StreamSupport.stream(records.spliterator(), false).map(r -> CanonicalJson.mapper().convertValue(r, type))
                .collect(Collectors.toMap(key, r -> r));
    }
}
