package org.medhub.routes.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Reads values of one YAML tree, naming each by its key path, and collects problems rather than
 * throwing: a person fixing a configuration file wants every mistake at once.
 */
public class YamlKeys {

    /** Where a problem goes: the key path, the rule broken, and what is wrong. */
    @FunctionalInterface
    public interface Problems {
        void add(String key, String rule, String message);
    }

    private final Problems problems;
    private final UnaryOperator<String> placeholders;

    /**
     * @param placeholders applied to every single value read; an {@link IllegalArgumentException}
     *                     from it becomes a {@code placeholder} problem
     */
    public YamlKeys(Problems problems, UnaryOperator<String> placeholders) {
        this.problems = problems;
        this.placeholders = placeholders;
    }

    public void problem(String key, String rule, String message) {
        problems.add(key, rule, message);
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : key.isEmpty() ? path : path + "." + key;
    }

    /** Flags every key of {@code node} that is not one of {@code allowed}: a misspelt key must not be ignored. */
    public void onlyKeys(JsonNode node, String path, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                problem(join(path, name), "unknown-key", "unknown key; allowed here: " + new TreeSet<>(allowed));
            }
        });
    }

    public String text(JsonNode node, String path, String key, boolean required) {
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

    public int integer(JsonNode node, String path, String key, boolean required, int minimum) {
        String text = text(node, path, key, required);
        if (text == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < minimum) {
                problem(join(path, key), "minimum", "must be at least " + minimum);
            }
            return value;
        } catch (NumberFormatException e) {
            problem(join(path, key), "integer", "'" + text + "' must be a whole number");
            return 0;
        }
    }

    public boolean bool(JsonNode node, String path, String key, boolean otherwise) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            problem(join(path, key), "boolean", "must be true or false");
            return otherwise;
        }
        return value.asBoolean();
    }

    public List<String> texts(JsonNode node, String path, String key) {
        JsonNode value = node.get(key);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            problem(join(path, key), "type", "must be a list");
            return texts;
        }
        value.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    public JsonNode object(JsonNode node, String path, String key, boolean required) {
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
}
