package org.medhub.canonical.gs1;

import java.util.Optional;
import java.util.Set;
import org.medhub.canonical.validation.Violation;

/** Checks one AI value against its dictionary definition: length, then each component's character set and linters. */
final class AiValues {

    /** Rules after which the boundaries of the following data cannot be trusted. */
    static final Set<String> LENGTH_RULES = Set.of("empty-value", "value-too-short", "value-too-long", "incorrect-length");

    private AiValues() {}

    static Optional<Violation> validate(ApplicationIdentifier definition, String value) {
        String field = field(definition.ai());
        String subject = definition.label() + " '" + value + "'";
        if (value.isEmpty()) {
            return Optional.of(new Violation(field, "empty-value", value, definition.label() + " has no value"));
        }
        if (value.length() < definition.minLength()) {
            return Optional.of(new Violation(field, "value-too-short", value, subject + " is "
                    + characters(value.length()) + "; it needs at least " + definition.minLength()
                    + " (" + specification(definition) + ")"));
        }
        if (value.length() > definition.maxLength()) {
            return Optional.of(new Violation(field, "value-too-long", value, subject + " is "
                    + characters(value.length()) + "; it allows at most " + definition.maxLength()
                    + " (" + specification(definition) + ")"));
        }
        int position = 0;
        for (int i = 0; i < definition.components().size(); i++) {
            AiComponent component = definition.components().get(i);
            int length = Math.min(value.length() - position, component.maxLength());
            if (component.optional() && length == 0) {
                continue;
            }
            String where = definition.components().size() == 1 ? ""
                    : " in component " + (i + 1) + " (" + component + ")";
            if (length < component.minLength()) {
                return Optional.of(new Violation(field, "incorrect-length", value, subject + where + " has "
                        + characters(length) + " where " + component.minLength() + " are needed"));
            }
            String part = value.substring(position, position + length);
            Optional<LintProblem> problem = Gs1Linters.characterSet(component.characterSet(), part);
            for (int l = 0; problem.isEmpty() && l < component.linters().size(); l++) {
                problem = Gs1Linters.run(component.linters().get(l), part);
            }
            if (problem.isPresent()) {
                String quotedPart = where.isEmpty() ? "" : " '" + part + "'";
                return Optional.of(new Violation(field, problem.get().rule(), value,
                        subject + where + quotedPart + " " + problem.get().message()));
            }
            position += length;
        }
        return Optional.empty();
    }

    private static String characters(int count) {
        return count == 1 ? "1 character" : count + " characters";
    }

    static String field(String ai) {
        return "(" + ai + ")";
    }

    private static String specification(ApplicationIdentifier definition) {
        return String.join(" ", definition.components().stream().map(AiComponent::toString).toList());
    }
}
