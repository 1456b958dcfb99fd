package org.medhub.routes.customs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.entity.Batch;
import org.medhub.canonical.entity.CommercialInvoice;
import org.medhub.canonical.entity.Product;
import org.medhub.canonical.entity.RegistrationCertificate;
import org.medhub.canonical.entity.Shipment;
import org.medhub.canonical.envelope.CanonicalJson;

/** A declaration made from the hub's records: every value from a record or the profile, none guessed. */
class DeclarationAssemblyTest {

    private static final LocalDate ON = LocalDate.parse("2026-12-05");

    @Test
    void theShipmentInvoiceProductsAndBatchesMakeAValidDeclaration() {
        ObjectNode declaration = DeclarationAssembly.assemble("MH0001", header(), lineDefaults(), sources(), ON, null);

        assertThat(RecordValidator.validate(DataDictionary.standard().entity("CustomsDeclaration").orElseThrow(),
                declaration)).isEmpty();
        assertThat(declaration.get("status").asText()).isEqualTo("DRAFT");
        assertThat(declaration.get("transportMode").asText()).isEqualTo("WATERWAY");
        assertThat(declaration.get("transactionMode").asText()).isEqualTo("FOB");
        assertThat(declaration.get("tradeCountry").asText()).isEqualTo("DE");
        assertThat(declaration.at("/netWeight/value").decimalValue()).isEqualByComparingTo("480.25");
        assertThat(declaration.get("packages").asLong()).isEqualTo(12);
        JsonNode line = declaration.at("/lines/0");
        assertThat(line.get("hsCode").asText()).isEqualTo("9018319000");
        assertThat(line.get("name").asText()).isEqualTo("一次性使用无菌注射器");
        assertThat(line.get("specification").asText()).isEqualTo("5ml 带针");
        assertThat(line.get("product").asText()).isEqualTo("01/09506000134352");
        assertThat(line.get("registrationCertificate").asText()).as("the one its shipped batch was made under")
                .isEqualTo("国械注准20233140123");
        assertThat(line.at("/total/amount").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(line.get("dutyMode").asText()).isEqualTo("REGULAR");
    }

    @Test
    void aPersonsFieldsComeLastAndWhatNoRecordHoldsIsLeftOut() {
        ObjectNode corrections = (ObjectNode) json("""
                {"billOfLading": "COSU6182737450", "declarationAgent": {"name": "宁波报关行"}, "netWeight": null}""");

        ObjectNode declaration = DeclarationAssembly.assemble("MH0001", header(), lineDefaults(), sources(), ON, corrections);

        assertThat(declaration.get("billOfLading").asText()).isEqualTo("COSU6182737450");
        assertThat(declaration.at("/declarationAgent/name").asText()).isEqualTo("宁波报关行");
        assertThat(declaration.at("/declarationAgent/customsCode").asText()).as("merged, not replaced").isEqualTo("3301980001");
        assertThat(declaration.has("netWeight")).isFalse();
        assertThat(RecordValidator.validate(DataDictionary.standard().entity("CustomsDeclaration").orElseThrow(),
                declaration)).extracting(v -> v.field()).contains("netWeight");
    }

    private static DeclarationAssembly.Sources sources() {
        Shipment shipment = record("""
                {"shipmentNumber": "SHP-1", "consignee": "DE-DIST-01", "shipTo": {"name": "Distributor", "country": "DE"},
                 "transportMode": "SEA", "temperatureControlled": false, "trackingNumber": "COSU6182737444",
                 "grossWeight": {"value": 520.5, "unit": "kg"}, "netWeight": {"value": 480.25, "unit": "kg"}, "packageCount": 12,
                 "lines": [{"lineNumber": 1, "batch": "01/09506000134352/10/SYR-2611", "quantity": {"value": 10000, "unit": "EA"}}],
                 "status": "PACKED"}""", Shipment.class);
        CommercialInvoice invoice = record("""
                {"invoiceNumber": "INV-1", "invoiceDate": "2026-12-03", "sellerName": "杭州示例医疗器械有限公司", "buyer": "DE-DIST-01",
                 "shipment": "SHP-1", "currency": "USD", "incoterms": "FOB", "incotermsPlace": "Ningbo",
                 "lines": [{"lineNumber": 1, "material": "SYR-5ML", "description": "Syringe", "hsCode": "9018319000",
                   "quantity": {"value": 10000, "unit": "EA"}, "unitPrice": {"amount": 0.12, "currency": "USD"},
                   "amount": {"amount": 1200.00, "currency": "USD"}, "originCountry": "CN"}],
                 "totalAmount": {"amount": 1200.00, "currency": "USD"}, "status": "ISSUED"}""", CommercialInvoice.class);
        Product product = record("""
                {"gtin": "09506000134352", "materialNumber": "SYR-5ML", "deviceName": "一次性使用无菌注射器", "model": "5ml 带针",
                 "manufacturerName": "杭州示例医疗器械有限公司", "deviceClass": "CLASS_III", "sterile": true,
                 "registrationCertificates": ["国械注准20180000001", "国械注准20233140123"], "status": "IN_COMMERCIAL_DISTRIBUTION"}""",
                Product.class);
        Batch batch = record("""
                {"gtin": "09506000134352", "lot": "SYR-2611", "materialNumber": "SYR-5ML", "status": "RELEASED",
                 "registrationCertificate": "国械注准20233140123"}""", Batch.class);
        return new DeclarationAssembly.Sources(shipment, invoice, Map.of("01/09506000134352", product),
                Map.of("01/09506000134352/10/SYR-2611", batch), Map.<String, RegistrationCertificate>of(), null);
    }

    private static ObjectNode header() {
        return (ObjectNode) json("""
                {"ieFlag": "EXPORT", "customsOffice": "3100", "iePort": "3104", "tradeMode": "0110",
                 "domesticTrader": {"uscc": "91330100MA2H0XXXXK", "name": "杭州示例医疗器械有限公司"},
                 "goodsOwner": {"uscc": "91330100MA2H0XXXXK", "name": "杭州示例医疗器械有限公司"},
                 "declarationAgent": {"customsCode": "3301980001", "uscc": "91330100MA2H0YYYYK", "name": "杭州示例报关行"}}""");
    }

    private static ObjectNode lineDefaults() {
        return (ObjectNode) json("{\"dutyMode\": \"REGULAR\"}");
    }

    private static <T> T record(String json, Class<T> type) {
        return CanonicalJson.mapper().convertValue(json(json), type);
    }

    private static JsonNode json(String text) {
        return CanonicalJson.fromBytes(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }
}
