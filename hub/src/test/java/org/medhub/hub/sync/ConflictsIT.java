package org.medhub.hub.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.hub.HubIntegrationTest;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.routes.sync.RecordSync;
import org.medhub.routes.sync.SyncResult;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Two systems edit one batch: different fields merge; the same field waits for a person, whose signed
 * decision reaches every subscriber; nothing goes back to the system it came from.
 */
class ConflictsIT extends HubIntegrationTest {

    private static final String ERP = "erp";
    private static final String ERP_SECRET = "erp-it-secret";

    @Autowired
    private JdbcUserDetailsManager users;

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private AuditTrail audit;

    @Autowired
    private RecordSync sync;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void resolverAndErp() {
        for (String[] user : new String[][] {{"resolver", "RESOLVER"}, {"operator", "OPERATOR"}}) {
            if (!users.userExists(user[0])) {
                users.createUser(User.withUsername(user[0]).password(passwords.encode(user[0] + "-password"))
                        .roles(user[1]).build());
            }
        }
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
    }

    @Test
    void refusesToCreateARecordFromAPartialUpdate() {
        String partial = accepted(erpUpdate("E-NEW", "LOT-UNKNOWN", "CATH-7F-110", 5, null));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(partial).get("status").asText()).isEqualTo("FAILED"));
        assertThat(message(partial).get("lastError").asText()).contains("partial update cannot create");
    }

    @Test
    void mergesConcurrentEditsOfDifferentFields() {
        String key = "01/09506000134352/10/LOT-MERGE";
        accepted(postBatch(ACME, ACME_SECRET, acme("M-1", "LOT-MERGE", 100, null)));
        awaitVersion(key, 1);
        accepted(postBatch(ACME, ACME_SECRET, acme("M-2", "LOT-MERGE", 110, 1L)));
        awaitVersion(key, 2);

        accepted(erpUpdate("E-MERGE", "LOT-MERGE", "CATH-7F-120", null, 1L)); // based on version 1: older

        awaitVersion(key, 3);
        JsonNode record = record(key);
        assertThat(record.at("/record/quantity/value").asInt()).as("the factory's change stays").isEqualTo(110);
        assertThat(record.at("/record/materialNumber").asText()).as("the ERP's change is merged").isEqualTo("CATH-7F-120");
        assertThat(record.at("/writers/quantity").asText()).isEqualTo(ACME);
        assertThat(record.at("/writers/materialNumber").asText()).isEqualTo(ERP);
    }

    @Test
    void queuesAConflictOnOneFieldAndSendsItsSignedResolutionToEverySubscriber() throws Exception {
        String key = "01/09506000134352/10/LOT-CONFLICT";
        accepted(postBatch(ACME, ACME_SECRET, acme("C-1", "LOT-CONFLICT", 100, null)));
        awaitVersion(key, 1);
        accepted(postBatch(ACME, ACME_SECRET, acme("C-2", "LOT-CONFLICT", 110, 1L)));
        awaitVersion(key, 2);

        String erpMessage = accepted(erpUpdate("E-CONFLICT", "LOT-CONFLICT", null, 120, 1L));

        JsonNode conflict = await().atMost(Duration.ofSeconds(30)).until(() -> openConflictOf(key), c -> c != null);
        assertThat(conflict.get("messageId").asText()).isEqualTo(erpMessage);
        assertThat(conflict.at("/fields/0/field").asText()).isEqualTo("quantity");
        assertThat(conflict.at("/fields/0/base/value").asInt()).isEqualTo(100);
        assertThat(conflict.at("/fields/0/current/value").asInt()).isEqualTo(110);
        assertThat(conflict.at("/fields/0/incoming/value").asInt()).isEqualTo(120);
        assertThat(message(erpMessage).get("status").asText()).isEqualTo("CONFLICT");
        assertThat(record(key).get("version").asLong()).as("nothing applied meanwhile").isEqualTo(2);

        String resolutionPath = "/api/conflicts/" + conflict.get("id").asLong() + "/resolution";
        String decision = "{\"take\": \"incoming\", \"reason\": \"ERP count after the stock take\", \"password\": \"%s\"}";
        assertThat(postBytes(resolutionPath, "operator", "operator-password",
                decision.formatted("operator-password").getBytes(StandardCharsets.UTF_8)).statusCode())
                .as("an operator may not resolve").isEqualTo(403);
        HttpResponse<String> unsigned = postBytes(resolutionPath, "resolver", "resolver-password",
                decision.formatted("wrong").getBytes(StandardCharsets.UTF_8));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(json(unsigned).get("type").asText()).isEqualTo("urn:medhub:problem:signature");

        HttpResponse<String> resolved = postBytes(resolutionPath, "resolver", "resolver-password",
                decision.formatted("resolver-password").getBytes(StandardCharsets.UTF_8));

        assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
        String resolution = json(resolved).get("messageId").asText();
        assertThat(json(resolved).get("version").asLong()).isEqualTo(3);
        assertThat(record(key).at("/record/quantity/value").asInt()).isEqualTo(120);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            erp.verify(1, postRequestedFor(urlEqualTo("/erp/batches")).withHeader("Idempotency-Key", equalTo(resolution))
                    .withRequestBody(containing("\"version\":3")));
            erp.verify(1, postRequestedFor(urlEqualTo("/wms/batches")).withHeader("Idempotency-Key", equalTo(resolution)));
        });
        assertThat(audit.about("conflict/" + conflict.get("id").asLong())).singleElement().satisfies(event -> {
            assertThat(event.get("actor").asText()).isEqualTo("resolver");
            assertThat(event.at("/detail/reason").asText()).isEqualTo("ERP count after the stock take");
            assertThat(event.at("/detail/meaning").asText()).isEqualTo("APPROVAL");
            assertThat(event.at("/detail/printedName").asText()).isEqualTo("resolver");
            assertThat(event.at("/detail/contentSha256").asText()).as("bound to the record it put in force")
                    .isEqualTo(org.medhub.canonical.envelope.MessageIds.sha256Hex(
                            org.medhub.canonical.envelope.CanonicalJson.sortedBytes(record(key).get("record"))));
        });
        assertThat(message(erpMessage).get("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void neverSendsAnUpdateBackToTheSystemItCameFrom() {
        accepted(postBatch(ACME, ACME_SECRET, acme("ECHO-1", "LOT-ECHO", 5, null)));
        awaitVersion("01/09506000134352/10/LOT-ECHO", 1);

        String fromErp = accepted(erpUpdate("E-ECHO", "LOT-ECHO", "CATH-7F-130", null, 1L));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                erp.verify(1, postRequestedFor(urlEqualTo("/wms/batches")).withHeader("Idempotency-Key", equalTo(fromErp))));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                erp.verify(0, postRequestedFor(urlEqualTo("/erp/batches")).withHeader("Idempotency-Key", equalTo(fromErp))));
        assertThat(message(fromErp).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void sendsTheErpMaterialMasterToTheFactoryAndNotBack() {
        erp.stubFor(post("/acme/materials").willReturn(aResponse().withStatus(201)));
        HttpResponse<String> material = postBytes("/api/inbound/erp/material", ERP, ERP_SECRET, """
                {"changeId": "MAT-1", "matnr": "CATH-7F-110", "text": "中心静脉导管 7Fr 110cm", "unit": "EA"}"""
                .getBytes(StandardCharsets.UTF_8));
        String messageId = accepted(material);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> erp.verify(1, postRequestedFor(urlEqualTo("/acme/materials"))
                .withHeader("Idempotency-Key", equalTo(messageId)).withRequestBody(containing("中心静脉导管"))));
        assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED");
        erp.verify(0, postRequestedFor(urlEqualTo("/erp/batches")).withHeader("Idempotency-Key", equalTo(messageId)));
    }

    @Test
    void aMessageMergedAgainAfterACrashGetsBackTheVersionItMadeAndMakesNoOther() {
        String messageId = accepted(postBatch(ACME, ACME_SECRET, acme("A-AGAIN", "LOT-AGAIN", 40, null)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(message(messageId).get("status").asText()).isEqualTo("DELIVERED"));
        Map<String, Object> made = jdbc.queryForMap("""
                select entity, business_key, version, record::text as record, source from record_version
                where message_id = ?""", messageId);
        String source = (String) made.get("source");
        Envelope again = new Envelope(messageId, (String) made.get("entity"), 2, (String) made.get("business_key"), source,
                source, null, null, null, null, null, null, Instant.now(), null, json((String) made.get("record")));

        SyncResult result = sync.apply(List.of(again)).get(0);

        assertThat(result.outcome()).isEqualTo(SyncResult.Outcome.APPLIED);
        assertThat(result.published().version()).isEqualTo(((Number) made.get("version")).longValue());
        assertThat(jdbc.queryForObject("select count(*) from record_version where message_id = ?", Integer.class,
                messageId)).isEqualTo(1);
    }

    private HttpResponse<String> erpUpdate(String changeId, String lot, String material, Integer qty, Long hubVersion) {
        StringBuilder json = new StringBuilder("{\"changeId\": \"" + changeId + "\", \"gtin\": \"09506000134352\", \"lot\": \""
                + lot + "\"");
        if (material != null) {
            json.append(", \"material\": \"").append(material).append("\"");
        }
        if (qty != null) {
            json.append(", \"qty\": ").append(qty);
        }
        if (hubVersion != null) {
            json.append(", \"hubVersion\": ").append(hubVersion);
        }
        return postBytes("/api/inbound/erp/batch-update", ERP, ERP_SECRET, json.append("}").toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String acme(String recordId, String lot, int qty, Long hubVersion) {
        return """
                {"recordId": "%s", "product": {"gtin": "09506000134352", "itemCode": "CATH-7F-110"}, "lotNo": "%s",
                 "state": "生产中", "qty": %d, "uom": "EA"%s}""".formatted(recordId, lot, qty,
                hubVersion == null ? "" : ", \"hubVersion\": " + hubVersion);
    }

    private static String accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).get("messageId").asText();
    }

    private void awaitVersion(String key, long version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(record(key).path("version").asLong()).isEqualTo(version));
    }

    private JsonNode record(String key) {
        return json(get("/api/records/Batch?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8), "admin", ADMIN_PASSWORD));
    }

    private JsonNode openConflictOf(String key) {
        for (JsonNode conflict : json(get("/api/conflicts", "admin", ADMIN_PASSWORD)).get("conflicts")) {
            if (key.equals(conflict.get("businessKey").asText())) {
                return conflict;
            }
        }
        return null;
    }
}
