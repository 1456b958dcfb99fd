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
 * @param fetchWait how long the broker may hold a fetch that finds nothing new
 */
public record BatchConsumers(int maxBatch, Duration interval, int consumers, Duration fetchWait) {

    public String uri(String topic, String groupId) {
        return "kafka:" + topic + "?groupId=" + groupId
                + "&batching=true&maxPollRecords=" + maxBatch
                // without it, Camel holds an incomplete batch until a poll comes back empty: under
                // steady traffic that is until the batch is full, seconds at a moderate rate
                + "&batchingIntervalMs=" + interval.toMillis()
                // Camel hands on the records it holds only when a poll returns, and a poll with nothing new
                // returns after this long: a record that came with the last of a burst waited for it
                + "&pollTimeoutMs=" + interval.toMillis()
                + "&consumersCount=" + consumers
                // Kafka's default of 500 ms: a consumer leaves a partition whose records it still holds out
                // of its next fetch, and a record arriving there meanwhile waits for that fetch to time out
                + "&fetchWaitMaxMs=" + fetchWait.toMillis()
                + "&autoCommitEnable=false&allowManualCommit=true";
    }
}
