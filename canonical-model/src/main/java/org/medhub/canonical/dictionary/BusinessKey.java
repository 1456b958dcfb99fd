package org.medhub.canonical.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The natural key of an entity: which fields make it, and how it is written, e.g.
 * {@code 01/{gtin}/10/{lot}} for a batch.
 */
public record BusinessKey(List<String> fields, String format) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    /** The key of a record whose key fields are present (the validator makes sure they are). */
    public String of(JsonNode record) {
        Matcher placeholders = PLACEHOLDER.matcher(format);
        StringBuilder key = new StringBuilder();
        while (placeholders.find()) {
            JsonNode value = record.get(placeholders.group(1));
            placeholders.appendReplacement(key, Matcher.quoteReplacement(value == null ? "" : value.asText()));
        }
        placeholders.appendTail(key);
        return key.toString();
    }

    static List<String> placeholders(String format) {
        return PLACEHOLDER.matcher(format).results().map(m -> m.group(1)).toList();
    }
}
