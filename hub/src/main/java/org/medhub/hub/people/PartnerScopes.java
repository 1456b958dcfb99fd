package org.medhub.hub.people;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The partners a person's work is limited to (an operator of factory A sees and steers A's messages and no others):
 * read on every request, so a change holds at once.
 */
@Component
public class PartnerScopes {

    private final JdbcTemplate jdbc;

    PartnerScopes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The partners the person is limited to, or empty when they see every partner. */
    public Optional<Set<String>> of(String username) {
        List<String> partners = jdbc.queryForList("select partner from user_scope where username = ? order by partner",
                String.class, username);
        return partners.isEmpty() ? Optional.empty() : Optional.of(new TreeSet<>(partners));
    }

    /** Whether the person may see and steer the messages of {@code partner}. */
    public boolean allows(String username, String partner) {
        return of(username).map(partners -> partners.contains(partner)).orElse(true);
    }

    /** Whether the person may see and steer this message: its partner is in their scope (an unknown message: yes). */
    public boolean allowsMessage(String username, String messageId) {
        Optional<Set<String>> scope = of(username);
        if (scope.isEmpty()) {
            return true;
        }
        return jdbc.queryForList("select partner from message where message_id = ?", String.class, messageId).stream()
                .allMatch(scope.get()::contains);
    }

    void set(String username, Set<String> partners) {
        jdbc.update("delete from user_scope where username = ?", username);
        partners.forEach(partner -> jdbc.update("insert into user_scope (username, partner) values (?, ?)", username, partner));
    }
}
