package org.medhub.hub.alerts;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.customs.CustomsHoldings;
import org.medhub.routes.pipeline.CanonicalPublisher;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The alerts records raise, each at its boundary: a shipment packed with a batch quality has not released (and not
 * with a released one), a reading above its range (and not at its limit), a lot in stock within the warning days of
 * its expiry or past it (and not the day after the warning days); visible in the API and acknowledged there.
 */
class RecordAlertsIT extends HubIntegrationTest {

    @Autowired
    private CanonicalPublisher publisher;

    @Autowired
    private RecordRules rules;

    private CustomsHoldings holdings;

    @BeforeEach
    void records() {
        holdings = new CustomsHoldings(publisher);
        erp.stubFor(post(urlPathMatching("/erp/.*")).atPriority(10).willReturn(aResponse().withStatus(201)));
    }

    @Test
    void aShipmentPackedWithAnUnreleasedBatchRaisesAnAlertAndOneWithReleasedBatchesDoesNot() {
        awaitConsumerGroup("medhub.alerts");
        String released = holdings.hold(true);
        String unreleased = holdings.hold(false);

        rules.onRecord("Shipment", jsonOf(CustomsHoldings.shipment(released, "PACKED")));
        holdings.keep("Shipment", unreleased, CustomsHoldings.shipment(unreleased, "PACKED"));

        JsonNode alert = await().atMost(Duration.ofSeconds(30)).until(() -> open("Shipment", unreleased), a -> a != null);
        assertThat(alert.get("rule").asText()).isEqualTo(RecordRules.UNRELEASED);
        assertThat(texts(alert.get("fields"))).containsExactly("lines[0].batch", "lines[1].batch");
        assertThat(alert.get("detail").asText()).contains("IN_PRODUCTION");
        assertThat(open("Shipment", released)).as("its batches are released").isNull();

        var acknowledged = postBytes("/api/alerts/" + alert.get("id").asLong() + "/acknowledgement", "admin", ADMIN_PASSWORD,
                "{\"reason\": \"QA releases them before the truck leaves\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(open("Shipment", unreleased)).isNull();
        assertThat(postBytes("/api/alerts/" + alert.get("id").asLong() + "/acknowledgement", "admin", ADMIN_PASSWORD,
                "{\"reason\": \"again\"}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(409);
    }

    @Test
    void aReadingAboveItsRangeIsAnExcursionAndOneAtItsLimitIsNot() {
        awaitConsumerGroup("medhub.alerts");
        String sensor = "DL-" + UUID.randomUUID().toString().substring(0, 6);

        rules.onRecord("StorageConditionReading", jsonOf(reading(sensor, "2026-12-05T08:00:00+08:00", "8.0", true)));
        holdings.keep("StorageConditionReading", sensor + "/2026-12-05T09:00:00+08:00",
                reading(sensor, "2026-12-05T09:00:00+08:00", "8.4", true));

        String above = sensor + "/2026-12-05T09:00:00+08:00";
        JsonNode alert = await().atMost(Duration.ofSeconds(30)).until(() -> open("StorageConditionReading", above),
                a -> a != null);
        assertThat(alert.get("rule").asText()).isEqualTo(RecordRules.EXCURSION);
        assertThat(alert.get("detail").asText()).contains("above").contains("冷库2号");
        assertThat(open("StorageConditionReading", sensor + "/2026-12-05T08:00:00+08:00")).as("at the limit").isNull();
    }

    @Test
    void aReadingWithoutLimitsIsJudgedByTheStorageRangeOfTheProductsShipped() {
        String shipment = holdings.hold(true);
        holdings.keep("Product", "01/" + CustomsHoldings.CATHETER, """
                {"gtin": "%s", "materialNumber": "CATH-7F-110", "deviceName": "中心静脉导管", "model": "7F 110cm",
                 "manufacturerName": "杭州示例医疗器械有限公司", "deviceClass": "CLASS_III", "sterile": true,
                 "storage": {"minTemperature": {"value": 2, "unit": "Cel"}, "maxTemperature": {"value": 25, "unit": "Cel"}},
                 "registrationCertificates": ["国械注准20223030456"], "status": "IN_COMMERCIAL_DISTRIBUTION"}"""
                .formatted(CustomsHoldings.CATHETER));
        String sensor = "DL-" + UUID.randomUUID().toString().substring(0, 6);

        rules.onRecord("StorageConditionReading", jsonOf(travelling(sensor, "2026-12-05T08:00:00+08:00", "25", shipment)));
        rules.onRecord("StorageConditionReading", jsonOf(travelling(sensor, "2026-12-05T09:00:00+08:00", "1.5", shipment)));

        assertThat(open("StorageConditionReading", sensor + "/2026-12-05T08:00:00+08:00")).isNull();
        assertThat(open("StorageConditionReading", sensor + "/2026-12-05T09:00:00+08:00").get("detail").asText()).contains("below")
                .contains("storage range of the products shipped");
    }

    @Test
    void aLotInStockRaisesAnAlertWithinTheWarningDaysOfItsExpiryAndAnotherPastItButNotTheDayBefore() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8));
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String within = lot("EXP-A-" + run, today.plusDays(90));
        String beyond = lot("EXP-B-" + run, today.plusDays(91));
        String past = lot("EXP-C-" + run, today.minusDays(1));

        rules.sweepExpiry();

        assertThat(open("Batch", within).get("rule").asText()).isEqualTo(RecordRules.EXPIRING);
        assertThat(open("Batch", past).get("rule").asText()).isEqualTo(RecordRules.EXPIRED);
        assertThat(open("Batch", beyond)).isNull();
        assertThat(open("Batch", within).get("detail").asText()).contains("in stock");
    }

    private String lot(String lot, LocalDate expiry) {
        String key = "01/" + CustomsHoldings.SYRINGE + "/10/" + lot;
        holdings.keep("Batch", key, """
                {"gtin": "%s", "lot": "%s", "materialNumber": "SYR-5ML", "status": "RELEASED", "expiryDate": "%s",
                 "releasedBy": "QA 王芳", "releasedAt": "2026-11-28T10:00:00+08:00"}""".formatted(CustomsHoldings.SYRINGE, lot, expiry));
        return key;
    }

    private static String reading(String sensor, String at, String celsius, boolean limits) {
        return """
                {"sensorId": "%s", "readAt": "%s", "location": "冷库2号 2-8 Cel", "sensorType": "FIXED_SENSOR",
                 "temperature": {"value": %s, "unit": "Cel"}, "excursion": false%s}""".formatted(sensor, at, celsius,
                limits ? ", \"lowerLimit\": {\"value\": 2, \"unit\": \"Cel\"}, \"upperLimit\": {\"value\": 8, \"unit\": \"Cel\"}" : "");
    }

    private static String travelling(String sensor, String at, String celsius, String shipment) {
        return """
                {"sensorId": "%s", "readAt": "%s", "location": "truck", "sensorType": "DATA_LOGGER", "shipment": "%s",
                 "temperature": {"value": %s, "unit": "Cel"}, "excursion": false}""".formatted(sensor, at, shipment, celsius);
    }

    /** The open alert of these rules on a record (a packed shipment may have the customs desk's too), or null. */
    private JsonNode open(String entity, String key) {
        JsonNode alerts = json(get("/api/alerts?entity=" + entity + "&key=" + java.net.URLEncoder.encode(key,
                StandardCharsets.UTF_8), "admin", ADMIN_PASSWORD)).get("alerts");
        for (JsonNode alert : alerts) {
            if (List.of(RecordRules.UNRELEASED, RecordRules.EXCURSION, RecordRules.EXPIRING, RecordRules.EXPIRED)
                    .contains(alert.get("rule").asText())) {
                return alert;
            }
        }
        return null;
    }

    private static JsonNode jsonOf(String text) {
        return CanonicalJson.fromBytes(text.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
