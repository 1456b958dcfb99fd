package org.medhub.routes.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UntilDoneTest {

    @Test
    void listsAFailingStepWithItsReasonWhileItWaitsAndForgetsItOnceItSucceeds() {
        List<List<UntilDone.Stall>> seen = new ArrayList<>();
        int[] calls = {0};

        UntilDone.run("publishing a batch of 3 raw records", () -> {
            seen.add(mine());
            if (++calls[0] == 1) {
                throw new IllegalStateException("connection refused: PostgreSQL is away");
            }
        });

        assertThat(seen.get(0)).as("nothing has failed yet").isEmpty();
        assertThat(seen.get(1)).singleElement().satisfies(stall -> {
            assertThat(stall.step()).isEqualTo("publishing a batch of 3 raw records");
            assertThat(stall.thread()).isEqualTo(Thread.currentThread().getName());
            assertThat(stall.attempts()).isEqualTo(1);
            assertThat(stall.lastError()).contains("PostgreSQL is away");
        });
        assertThat(mine()).as("done: no longer stalled").isEmpty();
    }

    /** This thread's stalls: other tests' threads are none of this test's business. */
    private static List<UntilDone.Stall> mine() {
        return UntilDone.stalls().stream().filter(s -> s.thread().equals(Thread.currentThread().getName())).toList();
    }
}
