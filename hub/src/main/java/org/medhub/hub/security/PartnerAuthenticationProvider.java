package org.medhub.hub.security;

import java.util.List;
import org.medhub.hub.partner.LivePartners;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A partner authenticates with its id and the secret its configuration references. The error says
 * which of the two is wrong: partner ids are not secret (they are in every URL), and a named error
 * saves an integration engineer an afternoon.
 */
class PartnerAuthenticationProvider implements AuthenticationProvider {

    static final String ROLE_PARTNER = "ROLE_PARTNER";

    private final LivePartners partners;

    PartnerAuthenticationProvider(LivePartners partners) {
        this.partners = partners;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String partnerId = authentication.getName();
        if (partners.partner(partnerId).isEmpty()) {
            throw new BadCredentialsException("no partner '" + partnerId + "' is configured");
        }
        Object secret = authentication.getCredentials();
        if (secret == null || !partners.credentialMatches(partnerId, secret.toString())) {
            throw new BadCredentialsException("wrong credential for partner '" + partnerId + "'");
        }
        return UsernamePasswordAuthenticationToken.authenticated(partnerId, null,
                List.of(new SimpleGrantedAuthority(ROLE_PARTNER)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
