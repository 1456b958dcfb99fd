package org.medhub.hub.people;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.medhub.canonical.validation.Violation;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.hub.settings.MedhubProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators: created, given roles, disabled, enabled, their passwords reset and their locks lifted by an
 * administrator. Every change is in the audit trail with who made it, why, and the old and new values (never a
 * password).
 */
@Component
class People {


    private final JdbcUserDetailsManager users;
    private final PasswordEncoder passwords;
    private final Lockout lockout;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    /** The configured roles: the only ones a person can be given. */
    private final Set<String> roleNames;
    private final PartnerScopes scopes;
    private final org.medhub.routes.partner.PartnerDirectory partners;

    People(JdbcUserDetailsManager users, PasswordEncoder passwords, Lockout lockout, AuditTrail audit, JdbcTemplate jdbc,
            MedhubProperties properties, PartnerScopes scopes, org.medhub.routes.partner.PartnerDirectory partners) {
        this.scopes = scopes;
        this.partners = partners;
        this.roleNames = new TreeSet<>(properties.security().roles().keySet());
        this.users = users;
        this.passwords = passwords;
        this.lockout = lockout;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** A change refused, with every rule it breaks. */
    static class Refused extends RuntimeException {
        final List<Violation> violations;

        Refused(String what, List<Violation> violations) {
            super(what + ": " + violations.size() + " problem(s)");
            this.violations = List.copyOf(violations);
        }
    }

    /**
     * @param roles every role the person has now, given for good or for a time
     * @param grants the roles given for a time, and until when
     * @param partners the partners whose messages the person sees and steers; empty: every partner
     * @param lockedUntil when the account is locked after failed sign-ins, until when
     */
    record Person(String username, List<String> roles, List<Grant> grants, Set<String> partners, boolean enabled,
            java.time.Instant lockedUntil) {}

    /** A role given for a time. */
    record Grant(String role, java.time.Instant until, String grantedBy) {}

    /** The longest a role may be given for: a longer need is a role for good, which a review sees. */
    static final java.time.Duration LONGEST_GRANT = java.time.Duration.ofDays(30);

    List<Person> all() {
        return jdbc.queryForList("select username from users order by username", String.class).stream().map(this::person)
                .toList();
    }

    Person person(String username) {
        if (!users.userExists(username)) {
            throw new NoSuchElementException("no operator '" + username + "'");
        }
        UserDetails user = users.loadUserByUsername(username);
        return new Person(username, roles(user), grants(username), scopes.of(username).orElse(Set.of()), user.isEnabled(),
                lockout.lockedUntil(username).orElse(null));
    }

    @Transactional
    Person create(String admin, String username, String password, List<String> roles, String reason) {
        List<Violation> problems = new java.util.ArrayList<>(PasswordRules.check(username, password));
        problems.addAll(roleProblems(roles));
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            problems.add(new Violation("username", "format", username,
                    "username must be 2 to 64 lower-case letters, digits, dots, dashes or underscores"));
        } else if (users.userExists(username)) {
            problems.add(new Violation("username", "unique", username, "there is an operator '" + username + "' already"));
        }
        if (!problems.isEmpty()) {
            throw new Refused("the operator cannot be created", problems);
        }
        users.createUser(User.withUsername(username).password(passwords.encode(password))
                .roles(roles.toArray(String[]::new)).build());
        audit.record(admin, "user.create", "user/" + username, Map.of("roles", roles, "reason", reason));
        return person(username);
    }

    @Transactional
    Person setRoles(String admin, String username, List<String> roles, String reason) {
        Person before = person(username);
        List<Violation> problems = roleProblems(roles);
        if (!problems.isEmpty()) {
            throw new Refused("the roles cannot be given", problems);
        }
        UserDetails user = users.loadUserByUsername(username);
        java.util.Set<String> all = new TreeSet<>(roles);
        before.grants().forEach(grant -> all.add(grant.role())); // a running grant runs on
        users.updateUser(User.withUserDetails(user).roles(all.toArray(String[]::new)).build());
        audit.record(admin, "user.roles", "user/" + username, Map.of("from", before.roles(), "to", roles, "reason", reason));
        return person(username);
    }

    @Transactional
    Person setEnabled(String admin, String username, boolean enabled, String reason) {
        Person before = person(username);
        UserDetails user = users.loadUserByUsername(username);
        users.updateUser(User.withUserDetails(user).disabled(!enabled).build());
        audit.record(admin, enabled ? "user.enable" : "user.disable", "user/" + username,
                Map.of("from", before.enabled(), "to", enabled, "reason", reason));
        return person(username);
    }

    @Transactional
    Person resetPassword(String admin, String username, String password, String reason) {
        person(username);
        List<Violation> problems = PasswordRules.check(username, password);
        if (!problems.isEmpty()) {
            throw new Refused("the password cannot be set", problems);
        }
        UserDetails user = users.loadUserByUsername(username);
        users.updateUser(User.withUserDetails(user).password(passwords.encode(password)).build());
        audit.record(admin, "user.password-reset", "user/" + username, Map.of("reason", reason));
        return person(username);
    }

    /** Gives a role until a time: taken away by itself then ({@link GrantExpiry}), and audited both times. */
    @Transactional
    Person grant(String admin, String username, String role, java.time.Instant until, String reason) {
        Person before = person(username);
        List<Violation> problems = new java.util.ArrayList<>(roleProblems(role == null ? List.of() : List.of(role)));
        if (role != null && before.roles().contains(role)) {
            problems.add(new Violation("role", "held", role, username + " has " + role + " already"));
        }
        java.time.Instant now = java.time.Instant.now();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(LONGEST_GRANT))) {
            problems.add(new Violation("until", "range", String.valueOf(until), "until must be a time after now and at"
                    + " most " + LONGEST_GRANT.toDays() + " days ahead, e.g. " + now.plus(java.time.Duration.ofHours(8))));
        }
        if (!problems.isEmpty()) {
            throw new Refused("the role cannot be given", problems);
        }
        jdbc.update("insert into authorities (username, authority) values (?, ?)", username, "ROLE_" + role);
        jdbc.update("""
                insert into role_grant (username, role, expires_at, granted_by, reason, granted_at)
                values (?, ?, ?, ?, ?, ?)""", username, role, java.sql.Timestamp.from(until), admin, reason,
                java.sql.Timestamp.from(now));
        audit.record(admin, "user.grant", "user/" + username, Map.of("role", role, "until", until.toString(), "reason", reason));
        return person(username);
    }

    /** Limits the person's work to these partners' messages; none: every partner's. */
    @Transactional
    Person setPartners(String admin, String username, List<String> partnerIds, String reason) {
        Person before = person(username);
        List<Violation> problems = (partnerIds == null ? List.<String>of() : partnerIds).stream()
                .filter(p -> partners.partner(p).isEmpty())
                .map(p -> new Violation("partners", "partner", p, "'" + p + "' is not a configured partner")).toList();
        if (partnerIds == null || !problems.isEmpty()) {
            throw new Refused("the partners cannot be set", partnerIds == null ? List.of(new Violation("partners",
                    "required", null, "give the list of partners, [] for every partner")) : problems);
        }
        scopes.set(username, new TreeSet<>(partnerIds));
        audit.record(admin, "user.partners", "user/" + username, Map.of("from", before.partners(),
                "to", new TreeSet<>(partnerIds), "reason", reason));
        return person(username);
    }

    private List<Grant> grants(String username) {
        return jdbc.query("""
                select role, expires_at, granted_by from role_grant where username = ? and lapsed_at is null
                order by expires_at""", (row, n) -> new Grant(row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getString(3)), username);
    }

    @Transactional
    Person unlock(String admin, String username, String reason) {
        Person before = person(username);
        lockout.lift(username);
        audit.record(admin, "user.unlock", "user/" + username,
                Map.of("lockedUntil", String.valueOf(before.lockedUntil()), "reason", reason));
        return person(username);
    }

    private List<Violation> roleProblems(List<String> roles) {
        if (roles == null || roles.isEmpty()) {
            return List.of(new Violation("roles", "required", null, "give at least one role of " + roleNames));
        }
        return roles.stream().filter(r -> !roleNames.contains(r))
                .map(r -> new Violation("roles", "enum", r, "'" + r + "' is not one of " + roleNames)).toList();
    }

    private static List<String> roles(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", ""))
                .sorted().toList();
    }
}
