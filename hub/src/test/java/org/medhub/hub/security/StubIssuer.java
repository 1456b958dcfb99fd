package org.medhub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect issuer for tests, on the JDK's HTTP server at a free port: its discovery document, its key set, an
 * authorization endpoint that signs in at once whoever the test names next (no login page) and sends the browser back
 * with a code, and a token endpoint that exchanges the code (once, for medhub's client and secret, with the PKCE
 * verifier when the request had a challenge) for an RS256 ID token. The test may have the next token signed by a key the issuer does not publish, or carry another nonce.
 */
final class StubIssuer implements AutoCloseable {

    static final String CLIENT_ID = "medhub-it";
    static final String CLIENT_SECRET = "oidc-it-secret";
    private static final String KEY_ID = "stub-key";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who the next sign-in is for, and how its ID token is made. */
    private record Next(String username, boolean otherKey, String nonce) {}

    /** What the authorization endpoint was asked, kept for the token endpoint under the code it gave. */
    record Authorization(Map<String, String> parameters, Next next) {}

    private final HttpServer server;
    private final RSAKey key = generate();
    /** The same key id, another key: a token it signs is not the issuer's. */
    private final RSAKey otherKey = generate();
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private volatile Next next;
    private volatile Authorization last;

    private StubIssuer(HttpServer server) {
        this.server = server;
        server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, 200, discovery()));
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    static StubIssuer start() {
        try {
            return new StubIssuer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub issuer", e);
        }
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next sign-in is {@code username}'s, with a good ID token. */
    void nextSignIn(String username) {
        next = new Next(username, false, null);
    }

    void nextSignInSignedByAnotherKey(String username) {
        next = new Next(username, true, null);
    }

    void nextSignInWithNonce(String username, String nonce) {
        next = new Next(username, false, nonce);
    }

    /** The last request to the authorization endpoint. */
    Authorization lastAuthorization() {
        return last;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discovery() throws IOException {
        return JSON.writeValueAsString(Map.of(
                "issuer", uri(),
                "authorization_endpoint", uri() + "/authorize",
                "token_endpoint", uri() + "/token",
                "jwks_uri", uri() + "/jwks",
                "response_types_supported", List.of("code"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"),
                "token_endpoint_auth_methods_supported", List.of("client_secret_basic"),
                "scopes_supported", List.of("openid", "profile")));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = form(exchange.getRequestURI().getRawQuery());
        Next signingIn = next;
        if (!"code".equals(parameters.get("response_type")) || !CLIENT_ID.equals(parameters.get("client_id"))
                || parameters.get("redirect_uri") == null || signingIn == null) {
            answer(exchange, 400, "{\"error\": \"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        last = new Authorization(parameters, signingIn);
        codes.put(code, last);
        exchange.getResponseHeaders().add("Location", parameters.get("redirect_uri") + "?code=" + encode(code)
                + "&state=" + encode(parameters.get("state")));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\": \"invalid_client\"}");
            return;
        }
        Authorization authorization = parameters.get("code") == null ? null : codes.remove(parameters.get("code"));
        if (!"authorization_code".equals(parameters.get("grant_type")) || authorization == null
                || !authorization.parameters().get("redirect_uri").equals(parameters.get("redirect_uri"))
                || !proves(authorization.parameters(), parameters.get("code_verifier"))) {
            answer(exchange, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        Next signedIn = authorization.next();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(uri())
                .audience(CLIENT_ID)
                .subject("subject-of-" + signedIn.username())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", signedIn.nonce() != null ? signedIn.nonce() : authorization.parameters().get("nonce"))
                .claim("preferred_username", signedIn.username())
                .build();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        try {
            idToken.sign(new RSASSASigner(signedIn.otherKey() ? otherKey : key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        answer(exchange, 200, JSON.writeValueAsString(Map.of("access_token", UUID.randomUUID().toString(),
                "token_type", "Bearer", "expires_in", 300, "scope", "openid profile", "id_token", idToken.serialize())));
    }

    /** PKCE (S256): the verifier hashes to the challenge the authorization request carried, when it carried one. */
    private static boolean proves(Map<String, String> authorization, String verifier) {
        String challenge = authorization.get("code_challenge");
        if (challenge == null) {
            return true;
        }
        if (verifier == null || !"S256".equals(authorization.get("code_challenge_method"))) {
            return false;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(challenge);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> parameters = new HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
