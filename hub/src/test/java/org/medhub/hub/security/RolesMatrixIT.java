package org.medhub.hub.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;

/**
 * Every endpoint of the operations API, as its OpenAPI document lists it, called by a person of every role: allowed
 * where the role has the endpoint's permission (any answer but 401 and 403), refused with 403 everywhere else, and
 * never open to a partner's credential. An endpoint this matrix does not name fails the test: a new endpoint comes
 * with its rule.
 */
class RolesMatrixIT extends HubIntegrationTest {

    private static final String PASSWORD = "matrix-password-1";
    /** The default roles of medhub.security.roles and their permissions. */
    private static final Map<String, Set<Permission>> ROLES = Map.of(
            "VIEWER", Set.of(Permission.READ),
            "OPERATOR", Set.of(Permission.READ, Permission.STEER),
            "RESOLVER", Set.of(Permission.READ, Permission.RESOLVE),
            "INTEGRATION_ENGINEER", Set.of(Permission.READ, Permission.CONFIGURE),
            "ADMIN", Set.of(Permission.values()));
    /** Every endpoint (method and path) with the permissions any of which lets a person call it. */
    private static final Map<String, Set<Permission>> RULES = new TreeMap<>(Map.ofEntries(
            Map.entry("POST /api/deliveries/{subscriber}/{messageId}/{action}", Set.of(Permission.STEER)),
            Map.entry("POST /api/conflicts/{id}/resolution", Set.of(Permission.RESOLVE)),
            Map.entry("POST /api/replays", Set.of(Permission.STEER)),
            Map.entry("POST /api/replays/{id}/stop", Set.of(Permission.STEER)),
            Map.entry("POST /api/replays/{id}/pause", Set.of(Permission.STEER)),
            Map.entry("POST /api/replays/{id}/resume", Set.of(Permission.STEER)),
            Map.entry("POST /api/messages/{messageId}/resubmission", Set.of(Permission.STEER)),
            Map.entry("POST /api/messages/{messageId}/discard", Set.of(Permission.STEER)),
            Map.entry("POST /api/partners/{id}/routes/{routeId}/{action}", Set.of(Permission.STEER)),
            Map.entry("POST /api/partners/reload", Set.of(Permission.CONFIGURE)),
            Map.entry("GET /api/users", Set.of(Permission.PEOPLE)),
            Map.entry("POST /api/users", Set.of(Permission.PEOPLE)),
            Map.entry("GET /api/users/{username}", Set.of(Permission.PEOPLE)),
            Map.entry("PUT /api/users/{username}/roles", Set.of(Permission.PEOPLE)),
            Map.entry("POST /api/users/{username}/password", Set.of(Permission.PEOPLE)),
            Map.entry("POST /api/users/{username}/{action}", Set.of(Permission.PEOPLE)),
            Map.entry("POST /api/users/{username}/grants", Set.of(Permission.PEOPLE)),
            Map.entry("PUT /api/users/{username}/partners", Set.of(Permission.PEOPLE)),
            Map.entry("POST /api/tokens", Set.of(Permission.READ)),
            Map.entry("POST /api/tokens/{id}/revoke", Set.of(Permission.READ)),
            Map.entry("POST /api/cdc/{source}/pause", Set.of(Permission.STEER, Permission.CONFIGURE)),
            Map.entry("POST /api/cdc/{source}/resume", Set.of(Permission.STEER, Permission.CONFIGURE)),
            Map.entry("POST /api/cdc/{source}/tables/{table}/resume", Set.of(Permission.STEER, Permission.CONFIGURE)),
            Map.entry("POST /api/cdc/{source}/tables/{table}/snapshot", Set.of(Permission.STEER, Permission.CONFIGURE)),
            Map.entry("POST /api/customs/declarations", Set.of(Permission.STEER)),
            Map.entry("POST /api/customs/declarations/{clientSeqNo}/submission", Set.of(Permission.STEER)),
            Map.entry("POST /api/customs/declarations/{clientSeqNo}/correction", Set.of(Permission.STEER)),
            Map.entry("POST /api/alerts/{id}/acknowledgement", Set.of(Permission.STEER))));
    /** Values for path variables that name nothing: an allowed call changes nothing. */
    private static final Map<String, String> NOTHING = Map.ofEntries(Map.entry("subscriber", "nobody"),
            Map.entry("messageId", "no-such-message"), Map.entry("action", "disable"), Map.entry("id", "987654321"),
            Map.entry("username", "no-such-person"), Map.entry("source", "no-such-source"),
            Map.entry("table", "public.none"), Map.entry("entity", "Material"), Map.entry("routeId", "no-route"),
            Map.entry("clientSeqNo", "MH0000000000000000"));

    @Autowired
    private JdbcUserDetailsManager users;

    @Autowired
    private PasswordEncoder passwords;

    @BeforeEach
    void onePersonPerRole() {
        ROLES.keySet().forEach(role -> {
            String name = "matrix-" + role.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            if (!users.userExists(name)) {
                users.createUser(User.withUsername(name).password(passwords.encode(PASSWORD)).roles(role).build());
            }
        });
    }

    @Test
    void everyEndpointAllowsExactlyTheRolesWithItsPermissionAndNoPartner() {
        JsonNode paths = json(get("/v3/api-docs", "admin", ADMIN_PASSWORD)).get("paths");
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (path.getKey().startsWith("/api/inbound/")) {
                continue; // the partners' door, tested by InboundRejectionIT and SignedRequestsIT
            }
            for (String method : iterable(path.getValue().fieldNames())) {
                String endpoint = method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                Set<Permission> needed = RULES.getOrDefault(endpoint,
                        method.equals("get") && !path.getKey().startsWith("/api/users") ? Set.of(Permission.READ) : null);
                if (needed == null) {
                    problems.add(endpoint + ": no rule in this matrix; give the endpoint its permission here and in"
                            + " SecurityConfiguration");
                    continue;
                }
                String concrete = concrete(path.getKey());
                for (Map.Entry<String, Set<Permission>> role : ROLES.entrySet()) {
                    boolean allowed = role.getValue().stream().anyMatch(needed::contains);
                    int status = call(method, concrete, "matrix-" + role.getKey().toLowerCase(java.util.Locale.ROOT)
                            .replace('_', '-'), PASSWORD).statusCode();
                    calls++;
                    if (allowed ? status == 401 || status == 403 : status != 403) {
                        problems.add(endpoint + " as " + role.getKey() + ": " + status + ", expected "
                                + (allowed ? "to be let in" : "403"));
                    }
                }
                int partner = call(method, concrete, ACME, ACME_SECRET).statusCode();
                if (partner != 401) {
                    problems.add(endpoint + " with a partner's credential: " + partner + ", expected 401");
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(calls).as("the matrix covered the API").isGreaterThan(100);
    }

    /**
     * The partner-scope dimension: every read of the API as a person limited to ACME and as one limited to Beta (each
     * with every role but people management). ACME's person reaches ACME's message and record; Beta's gets 404 for
     * them and finds them in no answer; neither reads the audit trail, which tells of every partner, nor customs and its alerts.
     */
    @Test
    void everyReadGivesAPersonLimitedToAPartnerThatPartnersDataAlone() {
        erp.stubFor(post("/erp/batches").willReturn(aResponse().withStatus(201)));
        String lot = "LOT-MATRIX-SCOPE";
        String acmeMessage = json(postBatch(ACME, ACME_SECRET, acmeBatch("REC-MATRIX-SCOPE", lot))).get("messageId").asText();
        String acmeKey = "01/09506000134352/10/" + lot;
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/records/Batch?key=" + acmeKey, "admin", ADMIN_PASSWORD)
                .statusCode() == 200);
        scoped("matrix-acme", ACME);
        scoped("matrix-beta", BETA);
        Map<String, String> acme = new java.util.HashMap<>(NOTHING);
        acme.put("messageId", acmeMessage);
        acme.put("entity", "Batch");

        JsonNode paths = json(get("/v3/api-docs", "admin", ADMIN_PASSWORD)).get("paths");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            if (path.getKey().startsWith("/api/inbound/") || path.getKey().startsWith("/api/users")
                    || !path.getValue().has("get")) {
                continue; // the partners' door; people management, which these persons' roles do not include
            }
            String concrete = concrete(path.getKey(), acme) + (path.getKey().equals("/api/records/{entity}") ? "?key=" + acmeKey : "");
            // the audit trail and the genealogy tell of every partner; customs and its alerts are the device maker's own
            boolean everyPartner = path.getKey().startsWith("/api/audit") || path.getKey().startsWith("/api/customs")
                    || path.getKey().startsWith("/api/alerts") || path.getKey().equals("/api/trace")
                    || path.getKey().equals("/api/recall-impact") || path.getKey().equals("/api/evidence");
            boolean acmesOwn = path.getKey().contains("{messageId}") || path.getKey().equals("/api/records/{entity}");
            HttpResponse<String> own = get(concrete, "matrix-acme", PASSWORD);
            HttpResponse<String> other = get(concrete, "matrix-beta", PASSWORD);
            if (everyPartner) {
                if (own.statusCode() != 403 || other.statusCode() != 403) {
                    problems.add("GET " + path.getKey() + ": " + own.statusCode() + "/" + other.statusCode() + ", expected 403 to both");
                }
                continue;
            }
            if (own.statusCode() == 401 || own.statusCode() == 403 || (acmesOwn && own.statusCode() != 200)) {
                problems.add("GET " + concrete + " as ACME's person: " + own.statusCode());
            }
            if (acmesOwn ? other.statusCode() != 404 : other.statusCode() == 401 || other.statusCode() == 403) {
                problems.add("GET " + concrete + " as Beta's person: " + other.statusCode() + (acmesOwn ? ", expected 404" : ""));
            }
            // a 404 names what was asked for, which tells the asker nothing new
            if (other.statusCode() != 404 && (other.body().contains(acmeMessage) || other.body().contains(lot))) {
                problems.add("GET " + concrete + " shows Beta's person ACME's message or record");
            }
        }
        String list = get("/api/messages?key=" + lot, "matrix-acme", PASSWORD).body();
        assertThat(list).as("the list shows ACME's person ACME's message").contains(acmeMessage);
        assertThat(problems).isEmpty();
    }

    private void scoped(String username, String partner) {
        if (!users.userExists(username)) {
            users.createUser(User.withUsername(username).password(passwords.encode(PASSWORD))
                    .roles("OPERATOR", "RESOLVER", "INTEGRATION_ENGINEER").build());
        }
        var response = putBytes("/api/users/" + username + "/partners", "admin", ADMIN_PASSWORD, ("{\"partners\": [\"" + partner
                + "\"], \"reason\": \"the roles matrix\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> call(String method, String path, String user, String password) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        return switch (method) {
            case "get" -> get(path, user, password);
            case "put" -> putBytes(path, user, password, body);
            case "post" -> postBytes(path, user, password, body);
            default -> throw new AssertionError("a " + method + " endpoint: add it to the matrix's calls");
        };
    }

    private static String concrete(String template) {
        return concrete(template, NOTHING);
    }

    private static String concrete(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> variable : values.entrySet()) {
            path = path.replace("{" + variable.getKey() + "}", variable.getValue());
        }
        assertThat(path).as("every path variable of " + template + " has a value").doesNotContain("{");
        return path;
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
