package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every state machine of the dictionary: each allowed transition passes, every other one is refused. */
class LifeCycleTest {

    @TestFactory
    Stream<DynamicTest> allowsExactlyTheDeclaredTransitions() {
        List<DynamicTest> tests = new ArrayList<>();
        for (EntityDefinition entity : DataDictionary.standard().entities()) {
            entity.lifeCycle().ifPresent(machine -> {
                for (String from : machine.transitions().keySet()) {
                    for (String to : machine.transitions().keySet()) {
                        boolean allowed = from.equals(to) || machine.transitions().get(from).contains(to);
                        tests.add(DynamicTest.dynamicTest(entity.name() + " " + from + " → " + to
                                + (allowed ? " allowed" : " refused"), () -> {
                            if (allowed) {
                                assertThat(machine.check(from, to)).isEmpty();
                            } else {
                                assertThat(machine.check(from, to)).hasValueSatisfying(v -> {
                                    assertThat(v.rule()).isEqualTo("state-transition");
                                    assertThat(v.message()).contains(from).contains(to)
                                            .contains(machine.transitions().get(from).isEmpty()
                                                    ? "final state" : machine.transitions().get(from).toString());
                                });
                            }
                        }));
                    }
                }
            });
        }
        return tests.stream();
    }

    /** The transitions people wrote down as the domain's rules; a change to a life cycle must agree with them. */
    @TestFactory
    Stream<DynamicTest> agreesWithTheDocumentedTransitions() throws Exception {
        JsonNode documented = new ObjectMapper(new YAMLFactory()).readTree(
                Path.of("src/test/resources/dictionary-examples/state-machines.yml").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        documented.fields().forEachRemaining(entry -> {
            StateMachine machine = DataDictionary.standard().entity(entry.getKey()).orElseThrow().lifeCycle().orElseThrow();
            entry.getValue().path("allowed").forEach(pair -> tests.add(DynamicTest.dynamicTest(
                    entry.getKey() + " allows " + pair.get(0).asText() + " → " + pair.get(1).asText(),
                    () -> assertThat(machine.check(pair.get(0).asText(), pair.get(1).asText())).isEmpty())));
            entry.getValue().path("forbidden").forEach(pair -> tests.add(DynamicTest.dynamicTest(
                    entry.getKey() + " refuses " + pair.get(0).asText() + " → " + pair.get(1).asText(),
                    () -> assertThat(machine.check(pair.get(0).asText(), pair.get(1).asText())).isPresent())));
        });
        return tests.stream();
    }

    @Test
    void refusesANewBatchThatStartsReleased() {
        StateMachine batch = DataDictionary.standard().entity("Batch").orElseThrow().lifeCycle().orElseThrow();

        assertThat(batch.check(null, "RELEASED")).hasValueSatisfying(v ->
                assertThat(v.message()).contains("may start in").contains("PLANNED"));
        assertThat(batch.check(null, "PLANNED")).isEmpty();
    }

    @Test
    void refusesReleasingARejectedBatchNamingCurrentAskedAndAllowed() {
        StateMachine batch = DataDictionary.standard().entity("Batch").orElseThrow().lifeCycle().orElseThrow();

        assertThat(batch.check("QUARANTINE", "SHIPPED")).hasValueSatisfying(v -> assertThat(v.message())
                .isEqualTo("cannot move from QUARANTINE to SHIPPED; from QUARANTINE it may move to [RELEASED, REJECTED]"));
        assertThat(batch.check("REJECTED", "RELEASED")).hasValueSatisfying(v ->
                assertThat(v.message()).contains("nothing (final state)"));
    }
}
