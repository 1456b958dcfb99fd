package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.medhub.routes.mapping.internal.RuleEvaluator.Value;
import org.medhub.routes.mapping.internal.TransformContext;

/**
 * {@code split: { separator: "-", index: 0 }}: one part of the value; a negative index counts from the end. A part
 * that is not there, or empty, is no value.
 */
public record Split(String separator, int index) implements Transform {

    static final TransformKind KIND = new TransformKind(List.of("split"), Split::read);

    private static Split read(RuleYaml rule) {
        JsonNode split = rule.in().object(rule.node(), rule.key(), "split", false);
        if (split == null) {
            return null;
        }
        String key = rule.keyOf("split");
        rule.in().onlyKeys(split, key, Set.of("separator", "index"));
        String separator = rule.in().text(split, key, "separator", true);
        int index = rule.in().integer(split, key, "index", false, Integer.MIN_VALUE);
        if (separator != null && separator.isEmpty()) {
            rule.in().problem(YamlKeys.join(key, "separator"), "required", "must not be empty");
        }
        return new Split(separator == null ? "," : separator, index == Integer.MIN_VALUE ? 0 : index);
    }

    @Override
    public Value apply(Value value, TransformContext context) {
        String[] parts = value.text().split(Pattern.quote(separator), -1);
        int at = index < 0 ? parts.length + index : index;
        if (at < 0 || at >= parts.length || parts[at].isEmpty()) {
            return null;
        }
        return value.withText(parts[at], "split '" + separator + "' [" + index + "]");
    }
}
