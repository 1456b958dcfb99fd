package org.medhub.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.medhub.hub.people.ApiTokens;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer mht_…}: a script signed in with its person's token ({@link ApiTokens}), with that
 * person's roles as they are now. An unknown, expired or revoked token, or one of a disabled person, is refused.
 */
class BearerTokens extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final JdbcUserDetailsManager users;
    private final ProblemSecurityResponses problems;

    BearerTokens(ApiTokens tokens, JdbcUserDetailsManager users, ProblemSecurityResponses problems) {
        this.tokens = tokens;
        this.users = users;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization == null || !authorization.startsWith("Bearer ");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<UserDetails> person = tokens.personOf(request.getHeader("Authorization").substring("Bearer ".length()).strip())
                .filter(users::userExists).map(users::loadUserByUsername).filter(UserDetails::isEnabled);
        if (person.isEmpty()) {
            problems.commence(request, response, new BadCredentialsException("unknown, expired or revoked token"));
            return;
        }
        UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(
                person.get().getUsername(), null, person.get().getAuthorities());
        authentication.setDetails(new ApiTokens.SignedInWithToken());
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }
}
