package org.medhub.canonical.dictionary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medhub.canonical.validation.Violation;

/**
 * The life cycle of an entity, on one of its enum fields.
 *
 * @param initial the states a record may be created in
 * @param transitions for every state, the states it may move to (none for a final state)
 */
public record StateMachine(String field, List<String> initial, Map<String, List<String>> transitions) {

    /** Why moving from {@code current} to {@code asked} is refused, or nothing when it is allowed. */
    public Optional<Violation> check(String current, String asked) {
        if (current == null) {
            return initial.contains(asked) ? Optional.empty() : Optional.of(new Violation(field, "state-transition",
                    asked, "a new record may start in " + initial + ", not in " + asked));
        }
        if (current.equals(asked)) {
            return Optional.empty();
        }
        List<String> allowed = transitions.getOrDefault(current, List.of());
        return allowed.contains(asked) ? Optional.empty() : Optional.of(new Violation(field, "state-transition", asked,
                "cannot move from " + current + " to " + asked + "; from " + current + " it may move to "
                        + (allowed.isEmpty() ? "nothing (final state)" : allowed.toString())));
    }
}
