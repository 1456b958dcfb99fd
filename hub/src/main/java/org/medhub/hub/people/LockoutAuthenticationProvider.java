package org.medhub.hub.people;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/** An operator's sign-in, refused while the account is locked, and counted either way. */
public class LockoutAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final Lockout lockout;

    public LockoutAuthenticationProvider(AuthenticationProvider passwords, Lockout lockout) {
        this.passwords = passwords;
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        var lockedUntil = lockout.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            throw new LockedException("the account is locked after repeated failed sign-ins until " + lockedUntil.get()
                    + "; an administrator can unlock it");
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            lockout.succeeded(username);
            return authenticated;
        } catch (BadCredentialsException e) {
            lockout.failed(username);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
