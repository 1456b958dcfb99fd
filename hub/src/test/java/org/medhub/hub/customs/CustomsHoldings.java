package org.medhub.hub.customs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MappingRef;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.medhub.routes.sync.SyncPolicy;

/**
 * The records a declaration is made from, kept in the running hub through its own admission and merge: two products
 * and their registration certificates, a lot of each (released or not), a shipment being picked and its invoice.
 */
public final class CustomsHoldings {

    public static final String SYRINGE = "09506000134352";
    public static final String CATHETER = "09506000134369";

    private final CanonicalPublisher publisher;

    public CustomsHoldings(CanonicalPublisher publisher) {
        this.publisher = publisher;
    }


    /** Products, certificates, released (or not) batches, a shipment being picked and its invoice; its number. */
    public String hold(boolean released) {
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String shipment = "SHP-" + run;
        keep("Product", "01/" + SYRINGE, """
                {"gtin": "%s", "materialNumber": "SYR-5ML", "deviceName": "一次性使用无菌注射器", "model": "5ml 带针",
                 "manufacturerName": "杭州示例医疗器械有限公司", "deviceClass": "CLASS_III", "sterile": true,
                 "registrationCertificates": ["国械注准20233140123"], "status": "IN_COMMERCIAL_DISTRIBUTION"}""".formatted(SYRINGE));
        keep("Product", "01/" + CATHETER, """
                {"gtin": "%s", "materialNumber": "CATH-7F-110", "deviceName": "中心静脉导管", "model": "7F 110cm",
                 "manufacturerName": "杭州示例医疗器械有限公司", "deviceClass": "CLASS_III", "sterile": true,
                 "registrationCertificates": ["国械注准20223030456"], "status": "IN_COMMERCIAL_DISTRIBUTION"}""".formatted(CATHETER));
        keep("RegistrationCertificate", "国械注准20233140123", certificate("国械注准20233140123", "一次性使用无菌注射器"));
        keep("RegistrationCertificate", "国械注准20223030456", certificate("国械注准20223030456", "中心静脉导管"));
        for (String[] batch : new String[][] {{SYRINGE, "SYR-" + run, "SYR-5ML", "12000"}, {CATHETER, "CVC-" + run, "CATH-7F-110", "500"}}) {
            String key = "01/" + batch[0] + "/10/" + batch[1];
            for (String status : released ? List.of("IN_PRODUCTION", "QUARANTINE", "RELEASED") : List.of("IN_PRODUCTION")) {
                keep("Batch", key, """
                        {"gtin": "%s", "lot": "%s", "materialNumber": "%s", "status": "%s", "quantity": {"value": %s, "unit": "EA"}%s}"""
                        .formatted(batch[0], batch[1], batch[2], status, batch[3], status.equals("RELEASED")
                                ? ", \"releasedBy\": \"QA 王芳\", \"releasedAt\": \"2026-11-28T10:00:00+08:00\"" : ""));
            }
        }
        keep("Shipment", shipment, shipment(shipment, "PLANNED"));
        keep("Shipment", shipment, shipment(shipment, "PICKING"));
        keep("CommercialInvoice", "INV-" + run, """
                {"invoiceNumber": "INV-%s", "invoiceDate": "2026-12-03", "sellerName": "杭州示例医疗器械有限公司", "buyer": "DE-DIST-01",
                 "shipment": "%s", "currency": "USD", "incoterms": "FOB", "incotermsPlace": "Ningbo",
                 "lines": [
                   {"lineNumber": 1, "material": "SYR-5ML", "description": "Disposable sterile syringe 5 ml", "hsCode": "9018319000",
                    "quantity": {"value": 10000, "unit": "EA"}, "unitPrice": {"amount": 0.12, "currency": "USD"},
                    "amount": {"amount": 1200.00, "currency": "USD"}, "originCountry": "CN"},
                   {"lineNumber": 2, "material": "CATH-7F-110", "description": "Central venous catheter 7F", "hsCode": "9018390000",
                    "quantity": {"value": 500, "unit": "EA"}, "unitPrice": {"amount": 8.50, "currency": "USD"},
                    "amount": {"amount": 4250.00, "currency": "USD"}, "originCountry": "CN"}],
                 "totalAmount": {"amount": 5450.00, "currency": "USD"}, "status": "ISSUED"}"""
                .formatted(run, shipment));
        return shipment;
    }

    public static String shipment(String number, String status) {
        String run = number.substring("SHP-".length());
        return """
                {"shipmentNumber": "%s", "consignee": "DE-DIST-01",
                 "shipTo": {"name": "Distributor", "street": "Hafenstr. 1", "city": "Hamburg", "country": "DE"},
                 "transportMode": "SEA", "temperatureControlled": false, "trackingNumber": "COSU6182737444",
                 "grossWeight": {"value": 520.5, "unit": "kg"}, "netWeight": {"value": 480.25, "unit": "kg"}, "packageCount": 12,
                 "lines": [
                   {"lineNumber": 1, "batch": "01/%s/10/SYR-%s", "quantity": {"value": 10000, "unit": "EA"}},
                   {"lineNumber": 2, "batch": "01/%s/10/CVC-%s", "quantity": {"value": 500, "unit": "EA"}}],
                 "status": "%s"}""".formatted(number, SYRINGE, run, CATHETER, run, status);
    }

    private static String certificate(String number, String name) {
        return """
                {"certificateNumber": "%s", "certificateType": "REGISTRATION", "origin": "DOMESTIC", "deviceClass": "CLASS_III",
                 "productName": "%s", "intendedUse": "医疗", "holderName": "杭州示例医疗器械有限公司", "issuingAuthority": "国家药品监督管理局",
                 "approvalDate": "2023-03-01", "validFrom": "2023-03-01", "validUntil": "2030-02-28", "status": "VALID"}"""
                .formatted(number, name);
    }

    public void keep(String entity, String key, String record) {
        JsonNode payload = CanonicalJson.fromBytes(record.getBytes(StandardCharsets.UTF_8), JsonNode.class);
        String messageId = MessageIds.fromContent(SyncPolicy.HUB, entity, key, record.getBytes(StandardCharsets.UTF_8));
        Envelope envelope = new Envelope(messageId, entity, DataDictionary.standard().entity(entity).orElseThrow().version(),
                key, SyncPolicy.HUB, SyncPolicy.HUB, null, null, null, key, null, OffsetDateTime.now(), Instant.now(),
                new MappingRef("customs-it", 1), (ObjectNode) CanonicalJson.mapper().valueToTree(payload));
        var outcome = publisher.publish(List.of(new Admittance(envelope, "customs-it", null, Map.of()))).get(messageId);
        assertThat(outcome == null || outcome.outcome().name().matches("APPLIED|UNCHANGED"))
                .as(entity + " " + key + ": " + (outcome == null ? "" : outcome.reason() + " " + outcome.violations())).isTrue();
    }
}
