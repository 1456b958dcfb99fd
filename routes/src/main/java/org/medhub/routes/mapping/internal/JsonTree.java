package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.medhub.routes.mapping.MappingException;
import org.medhub.routes.mapping.SourceLocation;

/**
 * A JSON document with the line and column of every value, by JSON Pointer: Jackson's tree forgets where a
 * value was, and an integration engineer needs to know. A location without a path has the pointer's JSONPath,
 * written out when it is asked for: a mapping reads a few of a document's values, and the hub parses every one.
 */
public record JsonTree(JsonNode root, Map<String, SourceLocation> locations) {

    /** Numbers keep their scale: 1200.50 stays 1200.50. */
    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public SourceLocation location(String pointer) {
        SourceLocation at = locations.get(pointer);
        if (at == null) {
            return new SourceLocation(0, 0, JsonPaths.toJsonPath(pointer));
        }
        return at.path() != null ? at : new SourceLocation(at.line(), at.column(), JsonPaths.toJsonPath(pointer));
    }

    /** Reads UTF-8 JSON; malformed input, duplicate keys included, fails naming the line and column. */
    public static JsonTree parse(byte[] utf8) {
        Map<String, SourceLocation> locations = new HashMap<>();
        try (JsonParser parser = FACTORY.createParser(utf8)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MappingException("malformed JSON: the document is empty");
            }
            JsonNode root = read(parser, "", locations);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new MappingException("malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr()
                        + ": more content after the end of the document");
            }
            return new JsonTree(root, locations);
        } catch (JsonParseException e) {
            throw new MappingException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MappingException("unreadable JSON: " + e.getMessage());
        }
    }

    private static JsonNode read(JsonParser parser, String pointer, Map<String, SourceLocation> locations)
            throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        locations.put(pointer, new SourceLocation(at.getLineNr(), at.getColumnNr(), null));
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    object.set(name, read(parser, pointer + "/" + JsonPaths.escape(name), locations));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser, pointer + "/" + index++, locations));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(parser.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(parser, "unexpected " + parser.currentToken());
        }
    }
}
