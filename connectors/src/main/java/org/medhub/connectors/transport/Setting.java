package org.medhub.connectors.transport;

/**
 * One setting of a transport, described the way camel-kamelets describe their parameters: what a person writes in
 * a partner file, what the hub checks at start and at every reload, and what {@code GET /api/transports} shows.
 *
 * @param key as written in the partner file
 * @param type text, integer, duration (5s, 1m), size (64KB, 1MB), path, url, regex, jsonpath, reference (env:NAME or
 *     file:PATH), or object (nested keys, described in {@code description})
 * @param defaultValue what applies when the key is absent, or null
 * @param secret whether the value is a secret (always given as a reference, never shown)
 */
public record Setting(String key, String type, boolean required, String defaultValue, boolean secret, String description) {

    public static Setting required(String key, String type, String description) {
        return new Setting(key, type, true, null, false, description);
    }

    public static Setting optional(String key, String type, String defaultValue, String description) {
        return new Setting(key, type, false, defaultValue, false, description);
    }

    public static Setting secret(String key, String description) {
        return new Setting(key, "reference", false, null, true, description);
    }
}
