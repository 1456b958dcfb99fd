package org.medhub.hub.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads one YAML file's tree, remembering the key path of every value so that each problem can name
 * the file, the key and the rule. Problems are collected, not thrown: a person fixes all at once.
 */
final class ConfigReader {

    private final String file;
    private final List<ConfigProblem> problems;
    private final UnaryOperator<String> placeholders;

    ConfigReader(String file, List<ConfigProblem> problems, UnaryOperator<String> placeholders) {
        this.file = file;
        this.problems = problems;
        this.placeholders = placeholders;
    }

    void problem(String key, String rule, String message) {
        problems.add(new ConfigProblem(file, key, rule, message));
    }

    boolean hasProblem(String key) {
        return problems.stream().anyMatch(p -> p.file().equals(file) && p.key().equals(key));
    }

    /** Flags every key of {@code node} that is not one of {@code allowed}: a misspelt key must not be ignored. */
    void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(join(path, name), "unknown-key", "unknown key; allowed here: " + allowed);
            }
        }
    }

    String text(JsonNode node, String path, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problem(join(path, key), "required", "is required");
            }
            return null;
        }
        if (!value.isValueNode()) {
            problem(join(path, key), "type", "must be a single value, not a list or map");
            return null;
        }
        try {
            return placeholders.apply(value.asText());
        } catch (IllegalArgumentException e) {
            problem(join(path, key), "placeholder", e.getMessage());
            return null;
        }
    }

    JsonNode object(JsonNode node, String path, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                problem(join(path, key), "required", "is required");
            }
            return null;
        }
        if (!value.isObject()) {
            problem(join(path, key), "type", "must be a map of keys to values");
            return null;
        }
        return value;
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
