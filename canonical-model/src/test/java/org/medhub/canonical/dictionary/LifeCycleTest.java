package org.medhub.canonical.dictionary;

import static org.assertj.core.api.Assertions.assertThat;

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
