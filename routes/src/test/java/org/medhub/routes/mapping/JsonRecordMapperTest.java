package org.medhub.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRecordMapperTest {

    private final JsonRecordMapper mapper = new JsonRecordMapper();

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

        MappedRecord mapped = mapper.map(spec(fields),
                json("{\"id\": \"R1\", \"at\": \"2026-11-21T09:30:00+08:00\", \"batch\": {\"no\": \"L1\"}, \"state\": \"放行\"}"));

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
                gb18030, java.nio.charset.Charset.forName("GB18030"));

        assertThat(mapped.canonical().get("status").asText()).isEqualTo("RELEASED");
    }

    @Test
    void keepsTheScaleOfDecimals() {
        MappedRecord mapped = mapper.map(spec(Map.of("quantity", FieldRule.path("$.qty"))), json("{\"qty\": 1200.50}"));

        assertThat(mapped.canonical().get("quantity").asText()).isEqualTo("1200.50");
    }

    @Test
    void refusesACodeOutsideTheCodeListNamingFieldAndValue() {
        MappingException failure = catchThrowableOfType(MappingException.class, () -> mapper.map(
                spec(Map.of("status", new FieldRule("$.state", null, Map.of("放行", "RELEASED")))),
                json("{\"state\": \"丢失\"}")));

        assertThat(failure.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("status");
            assertThat(v.rule()).isEqualTo("code-list");
            assertThat(v.value()).isEqualTo("丢失");
        });
    }

    @Test
    void refusesMalformedJsonWithItsLineAndColumn() {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> mapper.map(spec(Map.of()), json("{\n  \"a\": ,\n}")));

        assertThat(failure.getMessage()).startsWith("malformed JSON at line 2, column");
        assertThat(failure.violations()).isEmpty();
    }

    @Test
    void refusesDuplicateKeysRatherThanPickingOne() {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> mapper.map(spec(Map.of()), json("{\"lot\": \"A\", \"lot\": \"B\"}")));

        assertThat(failure.getMessage()).contains("malformed JSON").contains("lot");
    }

    @Test
    void refusesABusinessTimeWithoutOffset() {
        MappingException failure = catchThrowableOfType(MappingException.class,
                () -> mapper.map(spec(Map.of()), json("{\"at\": \"2026-11-21 09:30\"}")));

        assertThat(failure.violations()).singleElement().satisfies(v -> assertThat(v.rule()).isEqualTo("instant"));
    }
}
