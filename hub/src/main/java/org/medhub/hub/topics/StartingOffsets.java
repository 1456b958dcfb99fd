package org.medhub.hub.topics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a group that reads "from the newest record on" starts the first time it runs: at its topics' ends as the hub
 * starts, committed for it before its route reads. Kafka's own {@code auto.offset.reset=latest} means the ends when
 * the group's consumer is first given its partitions, a rebalance later: a record published in between, such as the
 * first shipment after a new hub starts, was never read. A group that has run before goes on where it stopped.
 */
@Component
public class StartingOffsets {

    private static final Logger log = LoggerFactory.getLogger(StartingOffsets.class);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaConnection connection;

    public StartingOffsets(KafkaConnection connection) {
        this.connection = connection;
    }

    /** Commits the topics' current ends for the group, unless it has committed offsets of its own. */
    public void fromNowOn(String groupId, List<String> topics) {
        try (Admin kafka = Admin.create(connection.with(Map.of("client.id", "medhub-starting-offsets")))) {
            if (!get(kafka.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()).isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            get(kafka.describeTopics(topics).allTopicNames()).forEach((topic, description) -> description.partitions()
                    .forEach(p -> ends.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = get(kafka.listOffsets(ends).all());
            found.forEach((partition, end) -> start.put(partition, new OffsetAndMetadata(end.offset())));
            get(kafka.alterConsumerGroupOffsets(groupId, start).all());
        } catch (ExecutionException | TimeoutException e) {
            // another instance's consumer of the group is already running, or Kafka did not answer: Kafka's latest
            log.info("Group {} starts from Kafka's latest offsets of {}: its starting point was not set ({})", groupId,
                    topics, e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T get(KafkaFuture<T> future)
            throws ExecutionException, TimeoutException, InterruptedException {
        return future.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
