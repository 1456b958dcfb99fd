package org.medhub.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The API describes itself: an OpenAPI document made from the typed requests and answers, for operators, with the
 * problem every operation answers when it refuses.
 */
class ApiDocumentationIT extends HubIntegrationTest {

    private static final List<String> ENDPOINTS = List.of("/api/inbound/{partnerId}/{messageType}", "/api/inbound/{partnerId}/acks", "/api/messages",
            "/api/messages/{messageId}", "/api/pipeline/stalls", "/api/deliveries/{subscriber}/{messageId}/{action}",
            "/api/conflicts", "/api/conflicts/{id}", "/api/conflicts/{id}/resolution", "/api/records/{entity}",
            "/api/replays", "/api/replays/{id}", "/api/replays/{id}/stop", "/api/replays/{id}/pause", "/api/replays/{id}/resume", "/api/partners/reload", "/api/dictionary", "/api/transports",
            "/api/audit", "/api/audit/export", "/api/audit/verification", "/api/users", "/api/users/{username}",
            "/api/users/{username}/roles", "/api/users/{username}/password", "/api/users/{username}/{action}",
            "/api/users/{username}/grants", "/api/users/{username}/partners", "/api/tokens", "/api/tokens/{id}/revoke", "/api/session", "/api/overview", "/api/messages/{messageId}/content",
            "/api/messages/{messageId}/resubmission", "/api/messages/{messageId}/discard", "/api/partners",
            "/api/partners/{id}", "/api/partners/{id}/routes/{routeId}/{action}",
            "/api/cdc",
            "/api/cdc/{source}", "/api/cdc/{source}/pause", "/api/cdc/{source}/resume", "/api/cdc/{source}/tables/{table}/resume",
            "/api/cdc/{source}/tables/{table}/snapshot", "/api/inbound/{partnerId}/customs-receipt", "/api/customs/profiles",
            "/api/customs/declarations", "/api/customs/declarations/{clientSeqNo}",
            "/api/customs/declarations/{clientSeqNo}/submission", "/api/customs/declarations/{clientSeqNo}/correction",
            "/api/alerts", "/api/alerts/{id}/acknowledgement", "/api/trace", "/api/recall-impact", "/api/evidence");

    @Test
    void describesEveryEndpointWithTypedAnswersAndItsProblems() {
        var response = get("/v3/api-docs", "admin", ADMIN_PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(ENDPOINTS);
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String which = operation.getKey() + " " + path.getKey();
                JsonNode responses = operation.getValue().get("responses");
                assertThat(responses.at("/4XX/content").has("application/problem+json")).as(which).isTrue();
                responses.properties().stream().filter(r -> r.getKey().startsWith("2")).forEach(ok -> {
                    JsonNode content = ok.getValue().get("content");
                    assertThat(content).as(which + " " + ok.getKey() + " has a body").isNotNull();
                    content.properties().forEach(type -> assertThat(type.getValue().get("schema").has("$ref")
                            || type.getValue().get("schema").has("type")).as(which + " " + type.getKey() + " is typed").isTrue());
                });
            }
        }
        JsonNode schemas = json(response).at("/components/schemas");
        assertThat(schemas.has("MessageView")).isTrue();
        assertThat(schemas.at("/MessageView/properties/stages/items/$ref").asText()).endsWith("StageView");
        assertThat(schemas.has("ProblemDetail")).isTrue();
    }

    @Test
    void describesEveryTransportAPartnerFileCanNameWithItsSettings() {
        JsonNode transports = json(get("/api/transports", "admin", ADMIN_PASSWORD)).get("transports");

        assertThat(transports.findValuesAsText("name")).containsExactlyInAnyOrder("file", "sftp", "poll", "http", "cdc");
        JsonNode sftp = transports.valueStream().filter(t -> t.get("name").asText().equals("sftp")).findFirst().orElseThrow();
        assertThat(sftp.get("direction").asText()).isEqualTo("inbound");
        assertThat(sftp.get("settings").valueStream().filter(s -> s.get("key").asText().equals("password")).findFirst()
                .orElseThrow().get("secret").asBoolean()).isTrue();
        assertThat(sftp.get("settings").valueStream().filter(s -> s.get("key").asText().equals("port")).findFirst()
                .orElseThrow().get("defaultValue").asText()).isEqualTo("22");
    }

    @Test
    void opensTheDocumentAndItsPagesToOperatorsOnly() {
        assertThat(get("/v3/api-docs", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs", ACME, ACME_SECRET).statusCode()).isEqualTo(401);
        var page = get("/swagger-ui/index.html", "admin", ADMIN_PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }
}
