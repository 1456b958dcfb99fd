package org.medhub.hub.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * OpenID Connect sign-ins that went to the issuer and have not come back yet: their state and nonce, in memory, found
 * again by a cookie of their own. Spring keeps them in the HTTP session by default, but the session cookie is
 * SameSite=Strict, and a browser does not send such a cookie on the issuer's redirect back (a navigation another site
 * started): the sign-in would never find its request. This cookie is SameSite=Lax (sent on that top-level GET), HttpOnly,
 * limited to the callback's path, lives ten minutes, and holds a random id only. Like a session, a sign-in must come
 * back to the instance that started it.
 */
final class PendingSignIns implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "MEDHUB_OIDC";
    /** Where the issuer sends the browser back to: {@code /login/oauth2/code/{registrationId}}. */
    private static final String CALLBACK_PATH = "/login/oauth2/code/";
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    /** Anyone can start a sign-in: beyond this many waiting, the oldest is forgotten. */
    private static final int MOST = 10_000;

    private record Pending(OAuth2AuthorizationRequest request, Instant until) {}

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MOST;
        }
    };

    PendingSignIns(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String id = cookie(request);
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (id == null || state == null) {
            return null;
        }
        Pending found;
        synchronized (pending) {
            found = pending.get(id);
        }
        return found != null && found.until().isAfter(clock.instant()) && state.equals(found.request().getState())
                ? found.request() : null;
    }

    @Override
    public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        synchronized (pending) {
            Iterator<Pending> oldest = pending.values().iterator();
            while (oldest.hasNext() && !oldest.next().until().isAfter(now)) {
                oldest.remove();
            }
            pending.put(id, new Pending(authorizationRequest, now.plus(LIFETIME)));
        }
        setCookie(request, response, id, LIFETIME);
    }

    /** Used once: the callback takes its request away, whether the sign-in then succeeds or not. */
    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        if (found != null) { // a callback with another state (a forged one) leaves the real sign-in waiting
            synchronized (pending) {
                pending.remove(cookie(request));
            }
            setCookie(request, response, "", Duration.ZERO);
        }
        return found;
    }

    private static String cookie(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static void setCookie(HttpServletRequest request, HttpServletResponse response, String value, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, value)
                .path(request.getContextPath() + CALLBACK_PATH).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .maxAge(maxAge).build().toString());
    }
}
