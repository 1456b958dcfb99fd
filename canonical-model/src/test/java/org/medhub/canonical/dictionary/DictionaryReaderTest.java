package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DictionaryReaderTest {

    private static DataDictionary read(String... fileAndYaml) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < fileAndYaml.length; i += 2) {
            files.put(fileAndYaml[i], fileAndYaml[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return DataDictionary.read(files);
    }

    private static final String LOT = """
            entity: Lot
            version: 1
            description: A lot.
            kind: master
            topic: lot
            owner: MES
            businessKey: { fields: [code], format: "{code}" }
            fields:
              code: { type: string, required: true, description: The lot code. }
              state:
                type: enum
                values: [OPEN, CLOSED]
                description: Open or closed.
            stateMachine:
              field: state
              initial: [OPEN]
              transitions: { OPEN: [CLOSED], CLOSED: [] }
            """;

    @Test
    void readsAValidDefinition() {
        EntityDefinition lot = read("Lot.yml", LOT).entity("Lot").orElseThrow();

        assertThat(lot.businessKey().fields()).containsExactly("code");
        assertThat(lot.lifeCycle()).hasValueSatisfying(m -> assertThat(m.check("OPEN", "CLOSED")).isEmpty());
        assertThat(lot.ownerOf("code")).isEqualTo(SystemOfRecord.MES);
    }

    @Test
    void namesEveryProblemWithFileKeyAndRule() {
        String broken = """
                entity: Lot
                version: 0
                kind: stream
                topic: Lot-Topic
                owner: SAP
                colour: red
                businessKey: { fields: [code, missing], format: "{code}" }
                fields:
                  code: { type: string, description: The code. }
                  weight: { type: quantity, dimension: heaviness, description: How heavy. }
                  origin: { type: string, format: planet, description: Where from. }
                  supplier: { type: reference, entity: Supplier, description: Who made it. }
                  state: { type: enum, values: [open], description: State. }
                  count: { type: integer, pattern: "[0-9]+", description: How many. }
                stateMachine:
                  field: code
                rules:
                  - rule: not-after
                    field: code
                """;

        DictionaryException failure = catchThrowableOfType(DictionaryException.class, () -> read("Lot.yml", broken));

        assertThat(failure.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("Lot.yml"));
        assertThat(failure.problems()).extracting(DictionaryProblem::key, DictionaryProblem::rule).contains(
                tuple("colour", "unknown-key"),
                tuple("version", "integer"),
                tuple("description", "required"),
                tuple("kind", "enum"),
                tuple("topic", "topic-name"),
                tuple("owner", "enum"),
                tuple("businessKey.fields", "field"),
                tuple("businessKey.fields", "key-field"),
                tuple("businessKey.format", "placeholders"),
                tuple("fields.weight.dimension", "enum"),
                tuple("fields.origin.format", "enum"),
                tuple("fields.state.values", "enum-value"),
                tuple("fields.count.pattern", "unknown-key"),
                tuple("stateMachine.field", "enum-field"),
                tuple("rules[0].rule", "enum"),
                tuple("fields.supplier.entity", "reference"));
    }

    @Test
    void refusesAStateMachineThatMissesAState() {
        String yaml = LOT.replace("transitions: { OPEN: [CLOSED], CLOSED: [] }", "transitions: { OPEN: [SHUT] }");

        DictionaryException failure = catchThrowableOfType(DictionaryException.class, () -> read("Lot.yml", yaml));

        assertThat(failure.problems()).extracting(DictionaryProblem::key, DictionaryProblem::rule).containsExactlyInAnyOrder(
                tuple("stateMachine.transitions.OPEN", "state"),
                tuple("stateMachine.transitions", "states"));
    }

    @Test
    void refusesAnEntityNamedOtherThanItsFile() {
        DictionaryException failure = catchThrowableOfType(DictionaryException.class, () -> read("Batch.yml", LOT));

        assertThat(failure.problems()).extracting(DictionaryProblem::rule).containsExactly("entity-matches-file");
    }
}
