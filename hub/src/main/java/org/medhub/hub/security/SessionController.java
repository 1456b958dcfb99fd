package org.medhub.hub.security;

import java.util.List;
import java.util.Set;
import org.medhub.hub.people.PartnerScopes;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in and what they may do: the dashboard shows only the actions a person's roles allow. */
@RestController
class SessionController {

    private final RolePermissions roles;
    private final PartnerScopes scopes;

    SessionController(RolePermissions roles, PartnerScopes scopes) {
        this.roles = roles;
        this.scopes = scopes;
    }

    /**
     * @param partners the partners whose messages the person works on, or null for every partner
     */
    record Person(String username, List<String> roles, Set<Permission> permissions, Set<String> partners) {}

    @GetMapping("/api/session")
    Person person(Authentication who) {
        List<String> names = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
        return new Person(who.getName(), names, roles.of(names), scopes.of(who.getName()).orElse(null));
    }
}
