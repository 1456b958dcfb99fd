package org.medhub.routes.pipeline;

import java.time.Duration;

/**
 * The Kafka consumers every batch stage reads with: batches, offsets committed by the stage itself,
 * and several consumers in one group, each with partitions of its own.
 *
 * @param maxBatch records one batch takes at most
 * @param interval how long a consumer gathers records before it hands on an incomplete batch
 * @param consumers consumers per stage: batches of different partitions run side by side, so one
 *     batch's database and Kafka round trips do not hold up the next; a partition, and so a business
 *     key, is still read by one consumer at a time, in order
 */
public record BatchConsumers(int maxBatch, Duration interval, int consumers) {

    public String uri(String topic, String groupId) {
        return "kafka:" + topic + "?groupId=" + groupId
                + "&batching=true&maxPollRecords=" + maxBatch + "&pollTimeoutMs=50"
                // without it, Camel holds an incomplete batch until a poll comes back empty: under
                // steady traffic that is until the batch is full, seconds at a moderate rate
                + "&batchingIntervalMs=" + interval.toMillis()
                + "&consumersCount=" + consumers
                + "&autoCommitEnable=false&allowManualCommit=true";
    }
}
