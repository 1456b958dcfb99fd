package org.medhub.routes.pipeline;

import java.time.Duration;

/** The Kafka consumer every batch stage reads with: batches, and offsets committed by the stage itself. */
public final class BatchConsumers {

    private BatchConsumers() {}

    public static String uri(String topic, String groupId, int maxBatch, Duration batchInterval) {
        return "kafka:" + topic + "?groupId=" + groupId
                + "&batching=true&maxPollRecords=" + maxBatch + "&pollTimeoutMs=50"
                // without it, Camel holds an incomplete batch until a poll comes back empty: under
                // steady traffic that is until the batch is full, seconds at a moderate rate
                + "&batchingIntervalMs=" + batchInterval.toMillis()
                + "&autoCommitEnable=false&allowManualCommit=true";
    }
}
