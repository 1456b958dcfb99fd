package org.medhub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.medhub.hub.audit.AuditTrail;
import org.springframework.http.MediaType;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * A browser's session (the dashboard's): {@code POST /api/session} with {@code username} and {@code password} as a
 * form opens it and answers who signed in and the CSRF token (so does an OpenID Connect sign-in: {@link OidcSignIn});
 * every request riding on its cookie that changes something must send that token in {@code X-XSRF-TOKEN} (it is also
 * in the {@code XSRF-TOKEN} cookie). Scripts use
 * HTTP Basic or a token and need none of this: a request with an {@code Authorization} header, or without a session
 * cookie, carries nothing a forged request could ride on.
 */
final class BrowserSessions {

    static final String LOGIN = "/api/session";
    static final String LOGOUT = "/api/session/logout";

    private BrowserSessions() {}

    /** Whether CSRF protection has nothing to protect: no session cookie, or credentials of the request's own. */
    static boolean withoutSession(HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getRequestedSessionId() == null;
    }

    /** 200 with the person, their roles and the CSRF token; the sign-in in the audit trail. */
    static AuthenticationSuccessHandler signedIn(ObjectMapper json, AuditTrail audit) {
        return signedIn(json, audit, Map.of());
    }

    /** @param detail how the person signed in, for the audit trail (a password sign-in records none) */
    static AuthenticationSuccessHandler signedIn(ObjectMapper json, AuditTrail audit, Map<String, ?> detail) {
        return (request, response, authentication) -> {
            CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            audit.record(authentication.getName(), "session.open", "user/" + authentication.getName(), detail);
            response.setStatus(200);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("username", authentication.getName(),
                    "roles", authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                            .map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList(),
                    "csrfToken", csrf == null ? "" : csrf.getToken()));
        };
    }

    /**
     * A sign-in that came through the issuer's pages: back to the dashboard, whose own requests then carry the session
     * cookie (the redirect that follows the issuer's cross-site one does not, as the cookie is SameSite=Strict) and
     * read the CSRF token from its cookie, written here.
     */
    static AuthenticationSuccessHandler signedInToDashboard(AuditTrail audit, Map<String, ?> detail) {
        return (request, response, authentication) -> {
            CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
            if (csrf != null) {
                csrf.getToken(); // the deferred token is made, and its cookie set, now
            }
            audit.record(authentication.getName(), "session.open", "user/" + authentication.getName(), detail);
            response.sendRedirect(request.getContextPath() + "/");
        };
    }

    static LogoutSuccessHandler signedOut() {
        return (request, response, authentication) -> response.setStatus(204);
    }
}
