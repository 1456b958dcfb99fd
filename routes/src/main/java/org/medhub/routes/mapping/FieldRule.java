package org.medhub.routes.mapping;

import java.util.Map;

/**
 * How one canonical field gets its value.
 *
 * @param path a JSONPath into the source record, or null for a constant field
 * @param defaultValue used when the path finds nothing
 * @param codes partner codes translated to canonical codes; a value not listed is refused
 */
public record FieldRule(String path, String defaultValue, Map<String, String> codes) {

    public FieldRule {
        codes = codes == null ? Map.of() : Map.copyOf(codes);
    }

    public static FieldRule path(String path) {
        return new FieldRule(path, null, Map.of());
    }
}
