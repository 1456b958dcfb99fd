package org.medhub.canonical.dictionary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The natural key of an entity: which fields make it, and how it is written, e.g.
 * {@code 01/{gtin}/10/{lot}} for a batch. The format is taken apart once, when the dictionary is read:
 * keys are built and split for every record.
 *
 * @param written the key fields in the order the format writes them
 * @param literals the text before, between and after them: one more than {@code written}
 * @param matcher the format as a regular expression with a group per placeholder
 */
public record BusinessKey(List<String> fields, String format, List<String> written, List<String> literals, Pattern matcher) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    public BusinessKey(List<String> fields, String format) {
        this(fields, format, format == null ? null : placeholders(format), format == null ? null : literals(format),
                format == null ? null : matcher(literals(format)));
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
        StringBuilder key = new StringBuilder(literals.get(0));
        for (int i = 0; i < written.size(); i++) {
            JsonNode value = record.get(written.get(i));
            key.append(value == null ? "" : value.asText()).append(literals.get(i + 1));
        }
        return key.toString();
    }

    /** {@code 01/{gtin}/10/{lot}} becomes {@code \Q01/\E(.+?)\Q/10/\E(.+?)\Q\E}. */
    private static Pattern matcher(List<String> literals) {
        return Pattern.compile(literals.stream().map(Pattern::quote).collect(Collectors.joining("(.+?)")));
    }

    private static List<String> literals(String format) {
        return List.of(PLACEHOLDER.split(format, -1));
    }

    static List<String> placeholders(String format) {
        return PLACEHOLDER.matcher(format).results().map(m -> m.group(1)).toList();
    }
}
