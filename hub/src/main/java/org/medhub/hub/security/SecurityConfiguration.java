package org.medhub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.people.ApiTokens;
import org.medhub.hub.people.Lockout;
import org.medhub.hub.people.LockoutAuthenticationProvider;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two doors. Partners post to {@code /api/inbound/{partnerId}/…} with their own credential (HTTP Basic, or a request
 * signed with it: {@link PartnerSignatures}), and only for themselves. Operators are users in the database with roles
 * (signed in with the password, a token, or an OpenID Connect issuer: {@link OidcSignIn}); a partner credential opens
 * nothing else. Everything else is closed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {


    @Bean
    @Order(1)
    SecurityFilterChain partnerChain(HttpSecurity http, LivePartners partners, ObjectMapper json, JdbcTemplate jdbc,
            Clock clock, MedhubProperties properties) throws Exception {
        ProblemSecurityResponses problems = new ProblemSecurityResponses(json, "medhub partners", Map.of());
        return stateless(http, problems)
                .securityMatcher("/api/inbound/**")
                // a signed request (HMAC) instead of HTTP Basic
                .addFilterBefore(new PartnerSignatures(partners, jdbc, clock, properties.inbound().maxBodySize().toBytes(),
                        json), BasicAuthenticationFilter.class)
                .authenticationManager(new ProviderManager(new PartnerAuthenticationProvider(partners)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/inbound/{partnerId}/{messageType}").access(ownPartnerOnly())
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain operatorChain(HttpSecurity http, JdbcUserDetailsManager users, PasswordEncoder passwords,
            Lockout lockout, ObjectMapper json, RolePermissions roles, ApiTokens tokens, AuditTrail audit,
            MedhubProperties properties, Environment environment, Clock clock, PartnerScopes scopes) throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(passwords);
        provider.setUserDetailsService(users);
        // a browser's session opened by an OpenID Connect issuer instead of the password, when one is configured
        Optional<OidcSignIn> oidc = OidcSignIn.configured(properties, environment, users, lockout, audit);
        ProblemSecurityResponses problems = new ProblemSecurityResponses(json, "medhub",
                oidc.map(signIn -> Map.of("password", BrowserSessions.LOGIN, "oidc", "/oauth2/authorization/oidc"))
                        .orElse(Map.of("password", BrowserSessions.LOGIN)));
        List<AuthenticationProvider> providers = new ArrayList<>();
        providers.add(new LockoutAuthenticationProvider(provider, lockout));
        oidc.ifPresent(signIn -> providers.add(signIn.provider()));
        common(http, problems)
                .authenticationManager(new ProviderManager(providers))
                // a script's token instead of a password
                .addFilterBefore(new BearerTokens(tokens, users, problems), BasicAuthenticationFilter.class)
                // a browser's session: opened by POST /api/session with the password, its cookie HttpOnly and
                // SameSite=Strict; a request that rides on it and changes something carries the CSRF token
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .ignoringRequestMatchers(BrowserSessions::withoutSession))
                .formLogin(form -> form.loginProcessingUrl(BrowserSessions.LOGIN)
                        .successHandler(BrowserSessions.signedIn(json, audit)).failureHandler(problems::commence))
                .logout(logout -> logout.logoutUrl(BrowserSessions.LOGOUT)
                        .logoutSuccessHandler(BrowserSessions.signedOut()))
                .authorizeHttpRequests(requests -> requests
                        // an error raised behind an authorised request is rendered, not turned into a 401
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // an orchestrator's probes need no credential; what they say is UP or DOWN, nothing more
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/**").hasAnyRole(roles.with(Permission.READ))
                        // the dashboard's page and assets hold no data: it signs in, then asks the API
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/ui/**").permitAll()
                        // people and their roles
                        .requestMatchers("/api/users", "/api/users/**").hasAnyRole(roles.with(Permission.PEOPLE))
                        // the partner configuration in force
                        .requestMatchers(HttpMethod.POST, "/api/partners/reload").hasAnyRole(roles.with(Permission.CONFIGURE))
                        // the audit trail tells of every partner: not for a person limited to some
                        .requestMatchers(HttpMethod.GET, "/api/audit", "/api/audit/**")
                                .access(everyPartner(scopes, roles.with(Permission.READ)))
                        // customs, alerts and the genealogy (which crosses every partner) are the device maker's, not a
                        // partner's: for people limited to none
                        .requestMatchers(HttpMethod.GET, "/api/customs/**", "/api/alerts", "/api/trace", "/api/recall-impact",
                                "/api/evidence")
                                .access(everyPartner(scopes, roles.with(Permission.READ)))
                        .requestMatchers(HttpMethod.POST, "/api/customs/declarations", "/api/customs/declarations/*/submission",
                                "/api/customs/declarations/*/correction", "/api/alerts/*/acknowledgement")
                                .access(everyPartner(scopes, roles.with(Permission.STEER)))
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(roles.with(Permission.READ))
                        // a person's own tokens
                        .requestMatchers(HttpMethod.POST, "/api/tokens", "/api/tokens/*/revoke")
                                .hasAnyRole(roles.with(Permission.READ))
                        // the API's OpenAPI document and its UI, for the people who use the API
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").hasAnyRole(roles.with(Permission.READ))
                        .requestMatchers(HttpMethod.POST, "/api/conflicts/*/resolution").hasAnyRole(roles.with(Permission.RESOLVE))
                        // a change feed is steered by operators and by the engineers who configure it
                        .requestMatchers(HttpMethod.POST, "/api/cdc/**").hasAnyRole(roles.withAny(Permission.STEER,
                                Permission.CONFIGURE))
                        .requestMatchers(HttpMethod.POST, "/api/deliveries/**", "/api/replays", "/api/replays/*/stop", "/api/replays/*/pause", "/api/replays/*/resume",
                                "/api/messages/*/resubmission", "/api/messages/*/discard", "/api/partners/*/routes/**")
                                .hasAnyRole(roles.with(Permission.STEER))
                        .anyRequest().denyAll());
        if (oidc.isPresent()) {
            http.oauth2Login(login -> oidc.get().configure(login,
                    BrowserSessions.signedInToDashboard(audit, oidc.get().signInDetail()), problems, clock));
        }
        return http.build();
    }

    private static HttpSecurity stateless(HttpSecurity http, ProblemSecurityResponses problems) throws Exception {
        return common(http, problems)
                .csrf(AbstractHttpConfigurer::disable) // no cookies, no sessions: nothing for a forged request to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    private static HttpSecurity common(HttpSecurity http, ProblemSecurityResponses problems) throws Exception {
        return http
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // beside Spring's own (nosniff, frame DENY, no-store, HSTS over TLS): pages load nothing from elsewhere
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }

    /** The API's pages (its OpenAPI UI, later the dashboard) use the hub's own scripts and styles, and no frames. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** A person with one of the roles, who is not limited to some partners. */
    private static AuthorizationManager<RequestAuthorizationContext> everyPartner(PartnerScopes scopes, String... roles) {
        AuthorizationManager<RequestAuthorizationContext> role = AuthorityAuthorizationManager.hasAnyRole(roles);
        return (authentication, context) -> {
            AuthorizationResult allowed = role.authorize(authentication, context);
            return new AuthorizationDecision(allowed != null && allowed.isGranted()
                    && scopes.of(authentication.get().getName()).isEmpty());
        };
    }

    private static AuthorizationManager<RequestAuthorizationContext> ownPartnerOnly() {
        return (authentication, context) -> {
            var who = authentication.get();
            boolean partner = who != null && who.isAuthenticated() && who.getAuthorities().stream()
                    .anyMatch(a -> PartnerAuthenticationProvider.ROLE_PARTNER.equals(a.getAuthority()));
            return new AuthorizationDecision(partner && who.getName().equals(context.getVariables().get("partnerId")));
        };
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    JdbcUserDetailsManager operatorUsers(DataSource dataSource) {
        return new JdbcUserDetailsManager(dataSource);
    }
}
