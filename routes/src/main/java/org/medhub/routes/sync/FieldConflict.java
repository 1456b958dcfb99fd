package org.medhub.routes.sync;

import com.fasterxml.jackson.databind.JsonNode;

/** One field two systems changed differently since the version the incoming update was based on. */
public record FieldConflict(String field, JsonNode base, JsonNode current, JsonNode incoming) {}
