package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.medhub.routes.mapping.SourceLocation;

/**
 * A node of a source document a path selected: a record to map, or a value to take.
 *
 * @param value the value as JSON (a JSON source keeps its numbers and booleans; other formats give text), or
 *     null when the node is a structure (an object, an array, an element with child elements, a CSV row)
 * @param position 1-based place among its siblings: the index in its array plus one (JSON), among the
 *     elements of the same name (XML), the data row number (CSV)
 * @param handle what the source format needs to find paths from this node
 */
public record SourceNode(JsonNode value, SourceLocation location, int position, Object handle) {

    public boolean isStructure() {
        return value == null;
    }

    /** The value as text, or null for a structure. */
    public String text() {
        return value == null ? null : value.asText();
    }
}
