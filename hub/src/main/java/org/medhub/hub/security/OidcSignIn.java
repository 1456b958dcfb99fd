package org.medhub.hub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.medhub.connectors.transport.Secret;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.partner.CredentialStore;
import org.medhub.hub.people.Lockout;
import org.medhub.hub.problem.Problems;
import org.medhub.hub.settings.MedhubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * A browser's session opened by an OpenID Connect issuer ({@code medhub.security.oidc}). {@code GET
 * /oauth2/authorization/oidc} sends the browser to the issuer; the issuer sends it back to {@code
 * /login/oauth2/code/oidc} with a code, which Spring Security exchanges for an ID token and checks: signed by one of
 * the issuer's keys, from the issuer, for medhub, not expired, carrying this sign-in's nonce. The person the token names
 * in the configured claim must be a medhub user already, enabled and not locked: they get that user's roles, and the
 * session {@code POST /api/session} would give (same cookie, idle time and CSRF rules). The issuer proves who someone
 * is; people, their roles and their electronic signatures stay in medhub, and nobody is created here. A refusal of a
 * person the issuer vouched for is audited ({@code session.refused}), as is each sign-in ({@code session.open}).
 */
final class OidcSignIn {

    static final String REGISTRATION_ID = "oidc";
    private static final String START = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI
            + "/" + REGISTRATION_ID;

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** medhub calls no API of the issuer's: its access and refresh tokens are dropped once the person is known. */
    private static final OAuth2AuthorizedClientRepository KEEP_NO_TOKENS = new OAuth2AuthorizedClientRepository() {
        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId, Authentication principal,
                HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
                HttpServletResponse response) {}
    };

    private final MedhubProperties.Oidc settings;
    private final IssuerRegistration registration;
    private final JdbcUserDetailsManager users;
    private final Lockout lockout;
    private final AuditTrail audit;
    private final OidcUserService issuerUsers = new OidcUserService();

    private OidcSignIn(MedhubProperties.Oidc settings, Secret clientSecret, JdbcUserDetailsManager users, Lockout lockout,
            AuditTrail audit) {
        this.settings = settings;
        this.registration = new IssuerRegistration(settings, clientSecret);
        this.users = users;
        this.lockout = lockout;
        this.audit = audit;
    }

    /**
     * The sign-in {@code medhub.security.oidc} describes, or none when it is absent; a client secret that cannot be read
     * stops start-up.
     */
    static Optional<OidcSignIn> configured(MedhubProperties properties, Environment environment,
            JdbcUserDetailsManager users, Lockout lockout, AuditTrail audit) {
        MedhubProperties.Oidc settings = properties.security().oidc();
        if (settings == null) {
            return Optional.empty();
        }
        CredentialStore.Outbound secret = new CredentialStore(properties.dataDir().toAbsolutePath(),
                environment::getProperty, false).outbound(settings.clientSecret());
        if (secret.problem() != null) {
            throw new IllegalStateException("medhub.security.oidc.client-secret: " + secret.problem());
        }
        return Optional.of(new OidcSignIn(settings, secret.secret(), users, lockout, audit));
    }

    /**
     * Checks the issuer's answer and finds the person. Part of the chain's own authentication manager: an
     * {@link OAuth2LoginConfigurer} adds its providers to a builder that a chain with an explicit manager never uses.
     */
    AuthenticationProvider provider() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                this::person);
    }

    /** What each sign-in records beside {@code session.open}. */
    Map<String, ?> signInDetail() {
        return Map.of("method", "oidc", "issuer", settings.issuerUri().toString());
    }

    /** On success the callback sends the browser to the dashboard, signed in ({@link BrowserSessions#signedInToDashboard}). */
    void configure(OAuth2LoginConfigurer<HttpSecurity> login, AuthenticationSuccessHandler signedIn,
            ProblemSecurityResponses problems, Clock clock) {
        login.clientRegistrationRepository(registration)
                .authorizedClientRepository(KEEP_NO_TOKENS)
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestRepository(new PendingSignIns(clock)))
                .successHandler(signedIn)
                // a 401 problem without the Basic challenge, which would make a browser ask for a password
                .failureHandler((request, response, failure) -> problems.write(response, Problems.problem(
                        HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated", failure.getMessage())))
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler((request, response, failure) ->
                                cannotStart(request, response, failure, problems));
                        return filter;
                    }
                });
    }

    /** Spring's default is a bare 500: an unknown sign-in is not found, an issuer out of reach is unavailable. */
    private void cannotStart(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure,
            ProblemSecurityResponses problems) throws IOException {
        if (!request.getRequestURI().equals(request.getContextPath() + START)) {
            problems.write(response, Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "the only sign-in here is " + START));
            return;
        }
        log.warn("OpenID Connect sign-in cannot start: {}", failure.getMessage());
        problems.write(response, Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-unavailable",
                "Sign-in unavailable", "the issuer " + settings.issuerUri()
                        + " cannot be used now; sign in with the password"));
    }

    /** The medhub user the issuer names, with their roles here; anyone else is refused and the refusal audited. */
    private OidcUser person(OidcUserRequest request) {
        OidcUser claimed = issuerUsers.loadUser(request);
        String claim = settings.usernameClaim();
        String username = claimed.getClaimAsString(claim);
        if (username == null || username.isBlank()) {
            throw refused(null, claimed, "no-username", "the issuer's token names no one in its '" + claim + "' claim");
        }
        if (!users.userExists(username)) {
            throw refused(username, claimed, "unknown-user", "'" + username + "' is not a medhub user");
        }
        UserDetails user = users.loadUserByUsername(username);
        if (!user.isEnabled()) {
            throw refused(username, claimed, "disabled", "'" + username + "' is disabled");
        }
        // a lock comes from failed password sign-ins; an issuer's sign-in neither opens nor counts against it
        Optional<java.time.Instant> lockedUntil = lockout.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            throw refused(username, claimed, "locked", "'" + username + "' is locked until " + lockedUntil.get()
                    + "; an administrator can unlock it");
        }
        return new DefaultOidcUser(user.getAuthorities(), claimed.getIdToken(), claimed.getUserInfo(), claim);
    }

    private OAuth2AuthenticationException refused(String username, OidcUser claimed, String reason, String description) {
        Map<String, Object> detail = new LinkedHashMap<>(signInDetail());
        detail.put("reason", reason);
        detail.put("issuerSubject", claimed.getSubject());
        audit.record("medhub", "session.refused", username == null ? "oidc/" + claimed.getSubject() : "user/" + username,
                detail);
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, description, null),
                description);
    }

    /**
     * The issuer's endpoints and keys, read from its discovery document at the first sign-in (and at each one after,
     * until that succeeds) rather than at start-up: an issuer that is down stops people signing in with it, not the
     * hub's message traffic.
     */
    private static final class IssuerRegistration implements ClientRegistrationRepository {

        private final MedhubProperties.Oidc settings;
        private final Secret clientSecret;
        private volatile ClientRegistration discovered;

        IssuerRegistration(MedhubProperties.Oidc settings, Secret clientSecret) {
            this.settings = settings;
            this.clientSecret = clientSecret;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION_ID.equals(registrationId)) {
                return null;
            }
            ClientRegistration known = discovered;
            if (known == null) {
                synchronized (this) {
                    if (discovered == null) {
                        discovered = ClientRegistrations.fromIssuerLocation(settings.issuerUri().toString())
                                .registrationId(REGISTRATION_ID)
                                .clientName("medhub")
                                .clientId(settings.clientId())
                                .clientSecret(clientSecret.reveal())
                                .scope(settings.scopes())
                                // PKCE besides the secret: a code caught on its way back is of no use alone
                                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                                .build();
                    }
                    known = discovered;
                }
            }
            return known;
        }
    }
}
