package org.medhub.routes.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;

/** Each pre-flight rule failing on its own, several at once, and a declaration that may leave. */
class PreflightTest {

    private final Preflight preflight = new Preflight(PreflightSettings.defaults());

    @Test
    void aDeclarationThatAgreesWithItsRecordsMayLeave() throws IOException {
        assertThat(preflight.check(bundle(b -> { }))).isEmpty();
    }

    @Test
    void anHsCodeMalformedOrOutsideTheDeclarantsHeadingsIsFound() throws IOException {
        assertThat(rules(bundle(b -> line(b, 1).put("hsCode", "8471300000")))).singleElement().asString()
                .startsWith(Preflight.HS_CODE + ": lines[1].hsCode = '8471300000': expected a heading this declarant uses");
        Preflight ownHeadings = new Preflight(new PreflightSettings(Preflight.RULES, Set.of("9018"), Map.of(), Set.of()));
        assertThat(ownHeadings.check(bundle(b -> line(b, 1).put("hsCode", "9021390000")))).extracting(Finding::field)
                .containsExactly("lines[1].hsCode");
    }

    @Test
    void aLegalQuantityNotTheDeclaredOneConvertedOrASecondUnitMissingIsFound() throws IOException {
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
        assertThat(rules(bundle(b -> ((ObjectNode) b.withArray("RegistrationCertificate").get(0)).put("status", "SUSPENDED")
                .put("statusReason", "飞行检查"))))
                .singleElement().asString().contains("lines[0].registrationCertificate").contains("SUSPENDED");
        assertThat(rules(bundle(b -> line(b, 0).put("registrationCertificate", "国械注准20233140999"))))
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
    void aLineGoingElsewhereThanTheShipmentOrPricedInAnotherCurrencyThanTheInvoiceIsFound() throws IOException {
        assertThat(rules(bundle(b -> {
            line(b, 1).put("destinationCountry", "FR");
            ((ObjectNode) line(b, 0).get("unitPrice")).put("currency", "EUR");
        }))).extracting(s -> s.substring(0, s.indexOf(" ="))).containsExactly(Preflight.CODES + ": lines[0].unitPrice.currency",
                Preflight.CODES + ": lines[1].destinationCountry");
    }

    @Test
    void moreDeclaredThanTheShipmentsReleasedBatchesHoldIsFound() throws IOException {
        assertThat(rules(bundle(b -> ((ObjectNode) b.withArray("Batch").get(1)).put("status", "QUARANTINE"))))
                .singleElement().asString().startsWith(Preflight.RELEASED_QUANTITY + ": lines[product=01/09506000134369]");
    }

    @Test
    void reportsEveryRuleBrokenAtOnce() throws IOException {
        List<Finding> findings = preflight.check(bundle(b -> {
            line(b, 0).put("hsCode", "8471300000");
            b.with("CustomsDeclaration").with("netWeight").put("value", 600);
            line(b, 1).put("destinationCountry", "FR");
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
        return CustomsBundle.read(json);
    }

    @Test
    void aBundleWhoseRecordsBreakTheDictionaryIsRefusedNamingEachRecord() throws IOException {
        ObjectNode json;
        try (InputStream in = PreflightTest.class.getResourceAsStream("/customs/bundle.json")) {
            json = (ObjectNode) CanonicalJson.mapper().readTree(in);
        }
        json.with("CustomsDeclaration").remove("clientSeqNo");
        ((ObjectNode) json.withArray("Batch").get(0)).put("status", "LOST");

        assertThatThrownBy(() -> CustomsBundle.read(json)).hasMessageContaining("CustomsDeclaration.clientSeqNo")
                .hasMessageContaining("Batch[0].status");
    }
}
