package org.medhub.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;

/** The field rules of a JSON mapping, one at a time: what they make, before the dictionary judges the record. */
class JsonMappingTest {

    private static final EntityDefinition BATCH = DataDictionary.standard().entity("Batch").orElseThrow();
    private static final java.nio.charset.Charset UTF_8 = StandardCharsets.UTF_8;

    private final Mapper mapper = new Mapper();

    /** One record of a JSON document, unchecked by the dictionary: the tests look at single fields. */
    private static final class Mapper {
        private final MappingEngine engine = new MappingEngine();

        MappedRecord map(MappingSpec spec, EntityDefinition entity, byte[] source, java.nio.charset.Charset charset) {
            return engine.mapUnchecked(spec.withCharset(charset), source).get(0);
        }
    }

    private static MappingSpec spec(Map<String, FieldRule> fields) {
        return new MappingSpec("test", 1, "Batch", "$.id", "$.at", fields);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void takesValuesByPathTranslatesCodesAndFillsDefaults() {
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        fields.put("lot", FieldRule.path("$.batch.no"));
        fields.put("status", new FieldRule("$.state", null, Map.of("放行", "RELEASED")));
        fields.put("unit", new FieldRule("$.uom", "EA", Map.of()));

        MappedRecord mapped = mapper.map(spec(fields), BATCH, json("{\"id\": \"R1\", \"at\": \"2026-11-21T09:30:00+08:00\", \"batch\": {\"no\": \"L1\"}, \"state\": \"放行\"}"), UTF_8);

        assertThat(mapped.canonical().get("lot").asText()).isEqualTo("L1");
        assertThat(mapped.canonical().get("status").asText()).isEqualTo("RELEASED");
        assertThat(mapped.canonical().get("unit").asText()).isEqualTo("EA");
        assertThat(mapped.sourceId()).isEqualTo("R1");
        assertThat(mapped.occurredAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T09:30:00+08:00"));
    }

    @Test
    void readsARecordInTheCharsetThePartnerWrites() {
        byte[] gb18030 = "{\"state\": \"放行\"}".getBytes(java.nio.charset.Charset.forName("GB18030"));

        MappedRecord mapped = mapper.map(spec(Map.of("status", new FieldRule("$.state", null, Map.of("放行", "RELEASED")))),
                BATCH, gb18030, java.nio.charset.Charset.forName("GB18030"));

        assertThat(mapped.canonical().get("status").asText()).isEqualTo("RELEASED");
    }

    @Test
    void keepsTheScaleOfDecimals() {
        MappedRecord mapped = mapper.map(spec(Map.of("quantity.value", FieldRule.path("$.qty"))), BATCH,
                json("{\"qty\": 1200.50}"), UTF_8);

        assertThat(mapped.canonical().get("quantity").get("value").decimalValue()).isEqualByComparingTo("1200.50");
        assertThat(mapped.canonical().get("quantity").get("value").toString()).isEqualTo("1200.50");
    }

    @Test
    void givesEachValueTheTypeTheDictionaryWants() {
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        fields.put("quantity.value", FieldRule.path("$.qty"));
        fields.put("quantity.unit", new FieldRule("$.uom", "EA", Map.of()));
        fields.put("lot", FieldRule.path("$.lot"));

        MappedRecord mapped = mapper.map(spec(fields), BATCH, json("{\"qty\": \"12.50\", \"lot\": 4711}"), UTF_8);

        assertThat(mapped.canonical().toString()).isEqualTo("{\"quantity\":{\"value\":12.50,\"unit\":\"EA\"},\"lot\":\"4711\"}");
    }

    @Test
    void completesAnObjectWithADefaultButNeverMakesOneUpFromDefaultsAlone() {
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        fields.put("quantity.value", FieldRule.path("$.qty"));
        fields.put("quantity.unit", new FieldRule("$.uom", "EA", Map.of()));
        fields.put("status", new FieldRule("$.state", "PLANNED", Map.of()));

        MappedRecord withQuantity = mapper.map(spec(fields), BATCH, json("{\"qty\": 5}"), UTF_8);
        MappedRecord without = mapper.map(spec(fields), BATCH, json("{}"), UTF_8);

        assertThat(withQuantity.canonical().get("quantity").get("unit").asText()).isEqualTo("EA");
        assertThat(without.canonical().has("quantity")).isFalse();
        assertThat(without.canonical().get("status").asText()).isEqualTo("PLANNED");
    }

    @Test
    void refusesTextWhereTheDictionaryWantsANumber() {
        MappingException failure = catchThrowableOfType(MappingException.class, () -> mapper.map(
                spec(Map.of("quantity.value", FieldRule.path("$.qty"))), BATCH, json("{\"qty\": \"twelve\"}"), UTF_8));

        assertThat(failure.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("quantity.value");
            assertThat(v.rule()).isEqualTo("type");
        });
    }

    @Test
    void refusesACodeOutsideTheCodeListNamingFieldAndValue() {
        MappingException failure = catchThrowableOfType(MappingException.class, () -> mapper.map(
                spec(Map.of("status", new FieldRule("$.state", null, Map.of("放行", "RELEASED")))), BATCH,
                json("{\"state\": \"丢失\"}"), UTF_8));

        assertThat(failure.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("status");
            assertThat(v.rule()).isEqualTo("code-list");
            assertThat(v.value()).isEqualTo("丢失");
        });
    }

    @Test
    void refusesMalformedJsonWithItsLineAndColumn() {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> mapper.map(spec(Map.of()), BATCH, json("{\n  \"a\": ,\n}"), UTF_8));

        assertThat(failure.getMessage()).startsWith("malformed JSON at line 2, column");
        assertThat(failure.violations()).isEmpty();
    }

    @Test
    void refusesDuplicateKeysRatherThanPickingOne() {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> mapper.map(spec(Map.of()), BATCH, json("{\"lot\": \"A\", \"lot\": \"B\"}"), UTF_8));

        assertThat(failure.getMessage()).contains("malformed JSON").contains("lot");
    }

    @Test
    void refusesABusinessTimeWithoutOffset() {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> mapper.map(spec(Map.of()), BATCH, json("{\"at\": \"2026-11-21 09:30\"}"), UTF_8));

        assertThat(failure.violations()).singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("instant"));
    }
}
