package org.medhub.routes.mapping.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medhub.routes.mapping.MappedRecord;
import org.medhub.routes.mapping.MappingEngine;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.MappingSpecReader;
import org.medhub.routes.mapping.MappingViolation;

/**
 * The EDIFACT and X12 invoices published with StAEDI, through the sample supplier mappings
 * ({@code config/mappings/supplier-edifact-invoic.yml}, {@code supplier-x12-810.yml}).
 */
class EdiConformanceTest {

    private static final String FIXTURES = "xlate-staedi/src/test/resources";

    private final MappingEngine engine = new MappingEngine(ConformanceLookups.products());

    private List<MappedRecord> map(String mapping, String file) throws Exception {
        Path path = SharedFixtures.requireFolder(FIXTURES).resolve(file);
        return engine.map(new MappingSpecReader().readOrThrow(Path.of("../config/mappings", mapping + ".yml")),
                Files.readAllBytes(path));
    }

    @Test
    void mapsAnInvoiceWithDecimalCommasAndABuyerKnownByName() throws Exception {
        assertThat(map("supplier-edifact-invoic", "EDIFACT/invoic_d93a_una.edi")).singleElement().satisfies(invoice -> {
            assertThat(invoice.canonical().get("invoiceNumber").asText()).isEqualTo("9908001");
            assertThat(invoice.canonical().get("invoiceDate").asText()).isEqualTo("1999-08-02");
            assertThat(invoice.canonical().get("buyer").asText()).isEqualTo("HUBER-GMBH");
            assertThat(invoice.canonical().at("/lines/1/unitPrice/amount").decimalValue()).isEqualByComparingTo("19.9");
            assertThat(invoice.canonical().at("/lines/2/description").asText()).isEqualTo("Ersatzventil");
            assertThat(invoice.canonical().at("/totalAmount/amount").decimalValue()).isEqualByComparingTo("901.78");
            assertThat(invoice.canonical().get("currency").asText()).as("the partner agreement's currency").isEqualTo("EUR");
            assertThat(invoice.lineageText().get("buyer")).contains("lookup Partner.name → partnerNumber");
        });
    }

    @Test
    void mapsAnInvoiceWithItsCurrencyAndCountriesOfOrigin() throws Exception {
        assertThat(map("supplier-edifact-invoic", "EDIFACT/invoic_d97b.edi")).singleElement().satisfies(invoice -> {
            assertThat(invoice.canonical().get("currency").asText()).isEqualTo("USD");
            assertThat(invoice.canonical().get("buyer").asText()).isEqualTo("792820524");
            assertThat(invoice.canonical().get("sellerName").asText()).isEqualTo("BÜTTNER WIDGET COMPANY");
            assertThat(invoice.canonical().get("lines").findValuesAsText("originCountry")).containsExactly("US", "JP");
            assertThat(invoice.canonical().at("/lines/0/amount/amount").decimalValue()).isEqualByComparingTo("1202.58");
        });
    }

    @Test
    void refusesTheBrokenInvoiceNamingEachBadValueWhereItIs() throws Exception {
        SharedFixtures.requireFolder(FIXTURES);

        MappingException refusal = catchThrowableOfType(MappingException.class,
                () -> map("supplier-edifact-invoic", "EDIFACT/invoic_d97b_bad.edi"));

        assertThat(refusal.violations()).extracting(MappingViolation::field, MappingViolation::rule, MappingViolation::value)
                .containsExactlyInAnyOrder(
                        tuple("lines[0].quantity.value", "type", "1020A"),
                        tuple("lines[0].unitPrice.amount", "type", "$1.179"),
                        tuple("buyer", "required", null));
        assertThat(refusal.violations()).filteredOn(v -> v.rule().equals("type"))
                .extracting(v -> v.location().line()).containsExactly(11, 14);
    }

    @Test
    void refusesAnInterchangeWhoseEnvelopeIsBroken() throws Exception {
        SharedFixtures.requireFolder(FIXTURES);

        MappingException refusal = catchThrowableOfType(MappingException.class,
                () -> map("supplier-edifact-invoic", "EDIFACT/orders-with-group.edi"));

        assertThat(refusal.violations()).extracting(MappingViolation::rule).containsOnly("edi-structure");
        assertThat(refusal.violations()).extracting(MappingViolation::message)
                .anySatisfy(m -> assertThat(m).contains("UNT").contains("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT"));
    }

    @Test
    void mapsEachInvoiceOfAnX12InterchangeAndLeavesItsPurchaseOrderAlone() throws Exception {
        List<MappedRecord> invoices = map("supplier-x12-810", "x12/simple810.edi");
        List<MappedRecord> dual = map("supplier-x12-810", "x12/invoice810_po850_dual.edi");

        assertThat(invoices).hasSize(2);
        assertThat(invoices.get(0).canonical().get("lines")).hasSize(7);
        assertThat(invoices.get(0).canonical().at("/lines/5/amount/amount").decimalValue()).as("85 x 12.34")
                .isEqualByComparingTo("1048.90");
        assertThat(invoices.get(0).canonical().at("/totalAmount/amount").decimalValue()).as("TDS01 255438, N2")
                .isEqualByComparingTo("2554.38");
        assertThat(invoices.get(1).canonical().get("invoiceDate").asText()).isEqualTo("1997-12-15");
        assertThat(dual).extracting(r -> r.canonical()).isEqualTo(invoices.stream().map(r -> r.canonical()).toList());
    }
}
