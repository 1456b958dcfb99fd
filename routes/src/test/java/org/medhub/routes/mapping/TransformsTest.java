package org.medhub.routes.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transforms of the grammar: one list says which there are, which keys each takes, and in which order they apply. */
class TransformsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static MappingSpec read(String yaml) throws Exception {
        List<SpecProblem> problems = new ArrayList<>();
        return new MappingSpecReader().read(YAML.readTree(yaml), "m.yml", "", MappingSpecReader.Defaults.NONE, problems)
                .orElseThrow(() -> new AssertionError(problems));
    }

    @Test
    void appliesTransformsInTheGrammarsOrderWhateverTheOrderOfTheirKeys() throws Exception {
        MappingSpec spec = read("""
                id: m
                version: 1
                format: json
                entity: Batch
                fields:
                  lot: { codes: { AB: L-AB }, upper: true, split: { separator: "/", index: -1 }, trim: true, path: $.lot }
                """);

        MappedRecord record = new MappingEngine().mapUnchecked(spec, "{\"lot\": \" x/ab \"}".getBytes(StandardCharsets.UTF_8))
                .get(0);

        assertThat(spec.fields().get("lot").transforms()).extracting(Object::getClass)
                .containsExactly(Trim.class, Split.class, Upper.class, Codes.class);
        assertThat(record.canonical().get("lot").asText()).isEqualTo("L-AB");
        assertThat(record.lineage().get("lot").rule())
                .isEqualTo("records[0].fields.lot: path $.lot; trim; split '/' [-1]; upper; codes AB → L-AB");
    }

    @Test
    void givesEveryKeyToOneTransformOnly() {
        List<String> keys = Transforms.ALL.stream().flatMap(kind -> kind.keys().stream()).toList();

        assertThat(keys).doesNotHaveDuplicates().hasSameSizeAs(Transforms.KEYS);
    }

    @Test
    void readsTheSameTransformsAsEqualSoThatAReloadSeesNoChange() throws Exception {
        String yaml = """
                id: m
                version: 1
                format: json
                entity: Batch
                fields:
                  productionDate: { path: $.made, date: { pattern: "yyyyMMdd", zone: Asia/Shanghai } }
                  quantity.value: { path: $.grams, unit: { from: g, to: kg }, multiply: "0.5" }
                """;

        assertThat(read(yaml)).isEqualTo(read(yaml)).hasSameHashCodeAs(read(yaml));
        assertThat(read(yaml.replace("yyyyMMdd", "yyMMdd"))).isNotEqualTo(read(yaml));
    }
}
