package org.medhub.hub.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.stereotype.Component;

/**
 * The roles of {@code medhub.security.roles} and what each allows, checked at start: every permission is one of
 * {@link Permission}, role names are upper-case, and ADMIN manages people (else nobody could).
 */
@Component
class RolePermissions {

    private final Map<String, Set<Permission>> roles = new TreeMap<>();

    RolePermissions(MedhubProperties properties) {
        properties.security().roles().forEach((role, permissions) -> {
            if (!role.matches("[A-Z][A-Z_]{1,39}")) {
                throw new IllegalArgumentException("medhub.security.roles: '" + role + "' must be upper-case letters and _");
            }
            Set<Permission> allowed = EnumSet.noneOf(Permission.class);
            for (String permission : permissions) {
                try {
                    allowed.add(Permission.valueOf(permission));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("medhub.security.roles." + role + ": '" + permission
                            + "' is not one of " + Arrays.toString(Permission.values()), e);
                }
            }
            roles.put(role, allowed);
        });
        if (!roles.getOrDefault("ADMIN", Set.of()).contains(Permission.PEOPLE)) {
            throw new IllegalArgumentException("medhub.security.roles must give ADMIN the PEOPLE permission, else nobody"
                    + " could manage people; it has " + roles);
        }
    }

    /** What the roles allow together. */
    Set<Permission> of(java.util.Collection<String> names) {
        Set<Permission> allowed = EnumSet.noneOf(Permission.class);
        names.forEach(name -> allowed.addAll(roles.getOrDefault(name, Set.of())));
        return allowed;
    }

    /** The roles that have {@code permission}. */
    String[] with(Permission permission) {
        return roles.entrySet().stream().filter(role -> role.getValue().contains(permission)).map(Map.Entry::getKey)
                .toArray(String[]::new);
    }

    /** The roles that have any of {@code permissions}. */
    String[] withAny(Permission... permissions) {
        return roles.entrySet().stream().filter(role -> Arrays.stream(permissions).anyMatch(role.getValue()::contains))
                .map(Map.Entry::getKey).toArray(String[]::new);
    }
}
