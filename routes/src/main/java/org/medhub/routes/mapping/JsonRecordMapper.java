package org.medhub.routes.mapping;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medhub.canonical.validation.Violation;

/** Maps a JSON source record to canonical JSON by the field rules of a {@link MappingSpec}. */
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

    public MappedRecord map(MappingSpec spec, byte[] source) {
        return map(spec, source, StandardCharsets.UTF_8);
    }

    /** Maps a record written in {@code charset}: a partner's legacy system may not write UTF-8. */
    public MappedRecord map(MappingSpec spec, byte[] source, Charset charset) {
        byte[] utf8 = StandardCharsets.UTF_8.equals(charset)
                ? source : new String(source, charset).getBytes(StandardCharsets.UTF_8);
        JsonNode document = parse(utf8);
        ObjectNode canonical = JsonNodeFactory.instance.objectNode();
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<String, FieldRule> field : spec.fields().entrySet()) {
            String value = valueOf(document, field.getValue().path());
            if (value == null) {
                value = field.getValue().defaultValue();
            }
            if (value == null) {
                continue;
            }
            Map<String, String> codes = field.getValue().codes();
            if (!codes.isEmpty()) {
                String code = codes.get(value);
                if (code == null) {
                    violations.add(new Violation(field.getKey(), "code-list", value, field.getKey() + " '" + value
                            + "' (from " + field.getValue().path() + ") is not in the code list of mapping "
                            + spec.id() + ": " + codes.keySet()));
                    continue;
                }
                value = code;
            }
            canonical.put(field.getKey(), value);
        }
        if (!violations.isEmpty()) {
            throw new MappingException("record does not fit mapping " + spec.id() + " v" + spec.version(), violations);
        }
        return new MappedRecord(canonical, valueOf(document, spec.sourceId()), occurredAt(document, spec.occurredAt()));
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

    private static String valueOf(JsonNode document, String path) {
        if (path == null) {
            return null;
        }
        JsonNode node = JsonPath.using(PATHS).parse(document).read(path);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static OffsetDateTime occurredAt(JsonNode document, String path) {
        String value = valueOf(document, path);
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
