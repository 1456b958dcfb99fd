package org.medhub.canonical.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    @Test
    void givesTheSameIdForTheSameSourceRecord() {
        assertThat(MessageIds.fromSourceId("acme", "Batch", "R1")).isEqualTo(MessageIds.fromSourceId("acme", "Batch", "R1"))
                .hasSize(32).matches("[0-9a-f]+");
    }

    @Test
    void keepsSourcesEntitiesAndPartsApart() {
        assertThat(MessageIds.fromSourceId("acme", "Batch", "R1")).isNotEqualTo(MessageIds.fromSourceId("beta", "Batch", "R1"));
        assertThat(MessageIds.fromSourceId("acme", "Batch", "R1")).isNotEqualTo(MessageIds.fromSourceId("acme", "Product", "R1"));
        assertThat(MessageIds.fromSourceId("ab", "c", "x")).isNotEqualTo(MessageIds.fromSourceId("a", "bc", "x"));
    }

    @Test
    void identifiesARecordWithoutIdByWhatItSays() {
        byte[] payload = "{\"lot\":\"L1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"lot\":\"L2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(MessageIds.fromContent("acme", "Batch", "k", payload)).isEqualTo(MessageIds.fromContent("acme", "Batch", "k", payload));
        assertThat(MessageIds.fromContent("acme", "Batch", "k", payload)).isNotEqualTo(MessageIds.fromContent("acme", "Batch", "k", other));
    }
}
