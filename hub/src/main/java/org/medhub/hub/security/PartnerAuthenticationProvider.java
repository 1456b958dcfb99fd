package org.medhub.hub.security;

import java.util.List;
import org.medhub.hub.partner.LivePartners;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A partner authenticates with its id and the secret its configuration references. An unknown partner and a wrong
 * secret get the same answer, so that nobody can find out by trying which partners the hub has; the integration
 * engineer looks the partner up in {@code config/partners}.
 */
class PartnerAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE_PARTNER = "ROLE_PARTNER";
    static final String REFUSED = "unknown partner or wrong credential";

    private final LivePartners partners;

    PartnerAuthenticationProvider(LivePartners partners) {
        this.partners = partners;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String partnerId = authentication.getName();
        Object secret = authentication.getCredentials();
        // the digest is compared for an unknown partner too: the answer takes as long either way
        boolean matches = partners.credentialMatches(partnerId, secret == null ? "" : secret.toString());
        if (!matches || partners.partner(partnerId).isEmpty()) {
            throw new BadCredentialsException(REFUSED);
        }
        return UsernamePasswordAuthenticationToken.authenticated(partnerId, null,
                List.of(new SimpleGrantedAuthority(ROLE_PARTNER)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
