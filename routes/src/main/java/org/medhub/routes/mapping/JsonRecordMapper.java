package org.medhub.routes.mapping;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.FieldType;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.validation.Violation;

/**
 * Maps a JSON source record to canonical JSON by the field rules of a {@link MappingSpec}: each rule
 * fills one dotted path of the entity ({@code lot}, {@code quantity.value}) with a value of the type
 * the dictionary gives that path.
 */
public class JsonRecordMapper {

    private static final ObjectMapper SOURCE_JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final Configuration PATHS = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(SOURCE_JSON))
            .mappingProvider(new JacksonMappingProvider(SOURCE_JSON))
            .options(Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL)
            .build();

    /** Maps a record written in {@code charset}: a partner's legacy system may not write UTF-8. */
    public MappedRecord map(MappingSpec spec, EntityDefinition entity, byte[] source, Charset charset) {
        byte[] utf8 = StandardCharsets.UTF_8.equals(charset)
                ? source : new String(source, charset).getBytes(StandardCharsets.UTF_8);
        JsonNode document = parse(utf8);
        ObjectNode canonical = CanonicalJson.mapper().createObjectNode();
        List<Violation> violations = new ArrayList<>();
        List<Map.Entry<String, FieldRule>> defaulted = new ArrayList<>();
        for (Map.Entry<String, FieldRule> field : spec.fields().entrySet()) {
            JsonNode value = valueAt(document, field.getValue().path());
            if (value == null) {
                if (field.getValue().defaultValue() != null) {
                    defaulted.add(field);
                }
                continue;
            }
            fill(canonical, spec, entity, field.getKey(), field.getValue(), value, violations);
        }
        // A default completes what the source said (a unit for its quantity); it never makes an object up alone.
        for (Map.Entry<String, FieldRule> field : defaulted) {
            int dot = field.getKey().lastIndexOf('.');
            if (dot < 0 || canonical.at("/" + field.getKey().substring(0, dot).replace('.', '/')).isObject()) {
                fill(canonical, spec, entity, field.getKey(), field.getValue(),
                        CanonicalJson.mapper().getNodeFactory().textNode(field.getValue().defaultValue()), violations);
            }
        }
        if (!violations.isEmpty()) {
            throw new MappingException("record does not fit mapping " + spec.id() + " v" + spec.version(), violations);
        }
        return new MappedRecord(canonical, text(valueAt(document, spec.sourceId())),
                occurredAt(document, spec.occurredAt()));
    }

    private static void fill(ObjectNode canonical, MappingSpec spec, EntityDefinition entity, String target,
            FieldRule rule, JsonNode value, List<Violation> violations) {
        if (!rule.codes().isEmpty()) {
            String code = rule.codes().get(value.asText());
            if (code == null) {
                violations.add(new Violation(target, "code-list", value.asText(), target + " '" + value.asText()
                        + "' (from " + rule.path() + ") is not in the code list of mapping " + spec.id() + ": "
                        + rule.codes().keySet()));
                return;
            }
            value = CanonicalJson.mapper().getNodeFactory().textNode(code);
        }
        FieldType type = entity.leafType(target).orElse(FieldType.STRING);
        JsonNode typed = typed(value, type);
        if (typed == null) {
            violations.add(new Violation(target, "type", value.asText(), target + " '" + value.asText() + "' (from "
                    + rule.path() + ") is not " + (type == FieldType.BOOLEAN ? "true or false" : "a number")));
            return;
        }
        put(canonical, target, typed);
    }

    /** The value in the type the dictionary wants, or null when it cannot be that. */
    private static JsonNode typed(JsonNode value, FieldType type) {
        var nodes = CanonicalJson.mapper().getNodeFactory();
        switch (type) {
            case DECIMAL, INTEGER -> {
                if (value.isNumber()) {
                    return value;
                }
                try {
                    BigDecimal number = new BigDecimal(value.asText().strip());
                    return type == FieldType.INTEGER && number.scale() <= 0
                            ? nodes.numberNode(number.toBigIntegerExact()) : nodes.numberNode(number);
                } catch (NumberFormatException | ArithmeticException e) {
                    return null;
                }
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    return value;
                }
                String text = value.asText().strip().toLowerCase(java.util.Locale.ROOT);
                return text.equals("true") || text.equals("false") ? nodes.booleanNode(Boolean.parseBoolean(text)) : null;
            }
            default -> {
                return value.isValueNode() ? nodes.textNode(value.asText()) : value;
            }
        }
    }

    /** Puts a value at a dotted path, creating the objects on the way. */
    private static void put(ObjectNode record, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode level = record;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = level.get(parts[i]);
            level = next instanceof ObjectNode object ? object : level.putObject(parts[i]);
        }
        level.set(parts[parts.length - 1], value);
    }

    private static JsonNode parse(byte[] source) {
        try {
            JsonNode document = SOURCE_JSON.readTree(source);
            if (document == null || !document.isObject()) {
                throw new MappingException("malformed JSON: expected an object");
            }
            return document;
        } catch (JsonParseException e) {
            throw new MappingException("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new MappingException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MappingException("unreadable JSON: " + e.getMessage());
        }
    }

    private static JsonNode valueAt(JsonNode document, String path) {
        if (path == null) {
            return null;
        }
        JsonNode node = JsonPath.using(PATHS).parse(document).read(path);
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static String text(JsonNode node) {
        return node == null ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private static OffsetDateTime occurredAt(JsonNode document, String path) {
        String value = text(valueAt(document, path));
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new MappingException("record does not fit its mapping", List.of(new Violation(path, "instant",
                    value, "the business time at " + path + " must be ISO-8601 with an offset, e.g. 2026-11-21T09:30:00+08:00")));
        }
    }
}
