package org.medhub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medhub.hub.HubIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A browser signs in with an OpenID Connect issuer (a stub on the JDK's HTTP server, whose authorization endpoint signs
 * in whoever the test names): a medhub user gets the session a password would give, with their roles here; anyone
 * else, and any ID token the issuer did not sign for this sign-in, opens nothing. A hub of its own, with OIDC on (every
 * other test's hub has it off), stopped after this class.
 */
@TestPropertySource(properties = "medhub.data-dir=" + OidcLoginIT.DATA_DIR)
@DirtiesContext
class OidcLoginIT extends HubIntegrationTest {

    static final String DATA_DIR = "target/it-data-oidc";

    static {
        deleteRecursively(Path.of(DATA_DIR));
    }

    private static final StubIssuer issuer = StubIssuer.start();

    @DynamicPropertySource
    static void issuerProperties(DynamicPropertyRegistry registry) {
        registry.add("medhub.security.oidc.issuer-uri", issuer::uri);
        registry.add("medhub.security.oidc.client-id", () -> StubIssuer.CLIENT_ID);
        registry.add("medhub.security.oidc.client-secret", () -> "env:IT_OIDC_CLIENT_SECRET");
        registry.add("IT_OIDC_CLIENT_SECRET", () -> StubIssuer.CLIENT_SECRET);
    }

    @AfterAll
    static void stopIssuer() {
        issuer.close();
    }

    @Autowired
    private JdbcUserDetailsManager users;

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aKnownPersonGetsASessionWithTheirOwnRolesAndItsCsrfRules() throws Exception {
        person("oidc-operator", "OPERATOR", true);
        HttpClient browser = browser();
        JsonNode unauthenticated = json(send(browser, HttpRequest.newBuilder(hub("/api/session")).GET()));
        assertThat(unauthenticated.at("/signIn/oidc").asText()).as("the dashboard's sign-in page offers the issuer")
                .isEqualTo("/oauth2/authorization/oidc");
        issuer.nextSignIn("oidc-operator");
        SignIn signIn = signIn(browser);

        assertThat(signIn.started().headers().allValues("Set-Cookie")).as("the pending sign-in: not in the session")
                .noneMatch(cookie -> cookie.startsWith("JSESSIONID="))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(PendingSignIns.COOKIE + "=")
                        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));
        assertThat(issuer.lastAuthorization().parameters()).containsKeys("state", "nonce", "code_challenge")
                .containsEntry("code_challenge_method", "S256");
        HttpResponse<String> answer = signIn.answer();
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).as("to the dashboard").hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(answer.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        JsonNode who = signedIn(browser);
        assertThat(who.get("username").asText()).isEqualTo("oidc-operator");
        assertThat(who.get("roles")).extracting(JsonNode::asText).containsExactly("OPERATOR");
        String csrf = csrfCookie(browser);
        assertThat(csrf).isNotBlank();

        assertThat(send(browser, HttpRequest.newBuilder(hub("/api/messages")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(browser, post("/api/replays", null)).statusCode()).as("a change without the CSRF token")
                .isEqualTo(403);
        assertThat(send(browser, post("/api/replays", csrf)).statusCode()).as("let in; the empty replay refused as such")
                .isEqualTo(400);
        JsonNode opened = json(get("/api/audit?action=session.open&subject=user/oidc-operator", "admin", ADMIN_PASSWORD))
                .get("events").get(0);
        assertThat(opened.get("detail").get("method").asText()).isEqualTo("oidc");
        assertThat(opened.get("detail").get("issuer").asText()).isEqualTo(issuer.uri());

        person("oidc-viewer", "VIEWER", true);
        HttpClient viewer = browser();
        issuer.nextSignIn("oidc-viewer");
        assertThat(signIn(viewer).answer().statusCode()).isEqualTo(302);
        assertThat(signedIn(viewer).get("roles")).extracting(JsonNode::asText).containsExactly("VIEWER");
        assertThat(send(viewer, HttpRequest.newBuilder(hub("/api/messages")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(viewer, post("/api/replays", csrfCookie(viewer))).statusCode())
                .as("a viewer steers nothing, whoever vouched for them").isEqualTo(403);
    }

    @Test
    void anUnknownPersonIsRefusedWithAProblemAndTheRefusalAudited() throws Exception {
        HttpClient browser = browser();
        issuer.nextSignIn("no-such-person");
        HttpResponse<String> answer = signIn(browser).answer();

        assertRefusedWithoutSession(browser, answer, "'no-such-person' is not a medhub user");
        JsonNode refusals = json(get("/api/audit?action=session.refused&subject=user/no-such-person", "admin",
                ADMIN_PASSWORD));
        assertThat(refusals.get("count").asInt()).isEqualTo(1);
        JsonNode refusal = refusals.get("events").get(0);
        assertThat(refusal.get("actor").asText()).isEqualTo("medhub");
        assertThat(refusal.get("detail").get("method").asText()).isEqualTo("oidc");
        assertThat(refusal.get("detail").get("issuer").asText()).isEqualTo(issuer.uri());
        assertThat(refusal.get("detail").get("reason").asText()).isEqualTo("unknown-user");
    }

    @Test
    void aDisabledOrLockedPersonIsRefused() throws Exception {
        person("oidc-disabled", "VIEWER", false);
        HttpClient browser = browser();
        issuer.nextSignIn("oidc-disabled");
        assertRefusedWithoutSession(browser, signIn(browser).answer(), "'oidc-disabled' is disabled");

        person("oidc-locked", "VIEWER", true);
        jdbc.update("insert into user_lockout (username, failed_attempts, locked_until)"
                + " values (?, 0, now() + interval '1 hour')", "oidc-locked");
        HttpClient locked = browser();
        issuer.nextSignIn("oidc-locked");
        assertRefusedWithoutSession(locked, signIn(locked).answer(), "'oidc-locked' is locked");
        assertThat(json(get("/api/audit?action=session.refused&subject=user/oidc-locked", "admin", ADMIN_PASSWORD))
                .get("events").get(0).get("detail").get("reason").asText()).isEqualTo("locked");
    }

    @Test
    void anIdTokenSignedByAnotherKeyOrForAnotherSignInOpensNoSession() throws Exception {
        person("oidc-target", "ADMIN", true);
        HttpClient forged = browser();
        issuer.nextSignInSignedByAnotherKey("oidc-target");
        assertRefusedWithoutSession(forged, signIn(forged).answer(), "invalid_id_token");

        HttpClient replayed = browser();
        issuer.nextSignInWithNonce("oidc-target", "the-nonce-of-another-sign-in");
        assertRefusedWithoutSession(replayed, signIn(replayed).answer(), "invalid_nonce");

        HttpClient honest = browser();
        issuer.nextSignIn("oidc-target");
        assertThat(signIn(honest).answer().statusCode()).as("the same person, with the issuer's own token").isEqualTo(302);
    }

    /** The hub's start, the issuer's authorization, the hub's callback: by hand, as a browser follows redirects. */
    private SignIn signIn(HttpClient browser) throws Exception {
        HttpResponse<String> started = send(browser, HttpRequest.newBuilder(hub("/oauth2/authorization/oidc")).GET());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String authorize = started.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer.uri() + "/authorize?");
        HttpResponse<String> authorized = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET());
        assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(302);
        String callback = authorized.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith(baseUrl() + "/login/oauth2/code/oidc?");
        return new SignIn(started, send(browser, HttpRequest.newBuilder(URI.create(callback)).GET()));
    }

    private record SignIn(HttpResponse<String> started, HttpResponse<String> answer) {}

    /** Who the session is, as the dashboard asks once it is back. */
    private JsonNode signedIn(HttpClient browser) throws Exception {
        HttpResponse<String> who = send(browser, HttpRequest.newBuilder(hub("/api/session")).GET());
        assertThat(who.statusCode()).as(who.body()).isEqualTo(200);
        return json(who);
    }

    /** The CSRF token as the dashboard reads it: from its cookie. */
    private static String csrfCookie(HttpClient browser) {
        return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).map(java.net.HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
    }

    private void assertRefusedWithoutSession(HttpClient browser, HttpResponse<String> answer, String why) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(answer).get("detail").asText()).contains(why);
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID="));
        assertThat(send(browser, HttpRequest.newBuilder(hub("/api/messages")).GET()).statusCode()).isEqualTo(401);
    }

    private void person(String username, String role, boolean enabled) {
        if (!users.userExists(username)) {
            users.createUser(User.withUsername(username).password(passwords.encode("unused-password-1")).roles(role)
                    .disabled(!enabled).build());
        }
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private HttpRequest.Builder post(String path, String csrf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(hub(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        return csrf == null ? request : request.header("X-XSRF-TOKEN", csrf);
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest.Builder request) throws Exception {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private URI hub(String path) {
        return URI.create(baseUrl() + path);
    }
}
