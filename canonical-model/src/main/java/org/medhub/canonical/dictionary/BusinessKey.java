package org.medhub.canonical.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The natural key of an entity: which fields make it, and how it is written, e.g.
 * {@code 01/{gtin}/10/{lot}} for a batch.
 *
 * @param matcher the format as a regular expression with a group per placeholder, built once from the format
 */
public record BusinessKey(List<String> fields, String format, Pattern matcher) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    public BusinessKey(List<String> fields, String format) {
        this(fields, format, format == null ? null : matcher(format));
    }

    /** The parts of {@code key} in placeholder order; empty when it is not written in this format. */
    public Optional<List<String>> split(String key) {
        Matcher parts = matcher.matcher(key);
        return parts.matches()
                ? Optional.of(IntStream.rangeClosed(1, parts.groupCount()).mapToObj(parts::group).toList())
                : Optional.empty();
    }

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

    /** {@code 01/{gtin}/10/{lot}} becomes {@code \Q01/\E(.+?)\Q/10/\E(.+?)\Q\E}. */
    private static Pattern matcher(String format) {
        Matcher placeholder = PLACEHOLDER.matcher(format);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(format.substring(last, placeholder.start()))).append("(.+?)");
            last = placeholder.end();
        }
        regex.append(Pattern.quote(format.substring(last)));
        return Pattern.compile(regex.toString());
    }

    static List<String> placeholders(String format) {
        return PLACEHOLDER.matcher(format).results().map(m -> m.group(1)).toList();
    }
}
