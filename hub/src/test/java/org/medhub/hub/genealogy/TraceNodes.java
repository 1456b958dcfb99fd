package org.medhub.hub.genealogy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What a test reads of a trace's answer ({@code GET /api/trace}): the keys of the nodes of one entity it reached. */
public final class TraceNodes {

    private TraceNodes() {}

    public static List<String> keys(JsonNode trace, String entity) {
        List<String> keys = new ArrayList<>();
        trace.path("nodes").forEach(node -> {
            if (node.get("entity").asText().equals(entity)) {
                keys.add(node.get("key").asText());
            }
        });
        return keys;
    }
}
