package org.medhub.hub.overview;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.medhub.hub.topics.KafkaConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * How far each of the hub's consumer groups is behind its topic: records written and not yet taken by the mapping
 * pipeline of a partner ({@code medhub.mapping.<partner>}) or by the deliveries to a subscriber
 * ({@code medhub.delivery.<subscriber>.<topic>}). Read from Kafka at most every {@link #FRESH} (one request per group
 * set, however many people look), and exported as the gauge {@code medhub_consumer_lag_records{group}}.
 */
@Component
class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    static final Duration FRESH = Duration.ofSeconds(10);
    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final Clock clock;
    private final MultiGauge gauge;
    private Map<String, Long> lags = Map.of();
    private Instant readAt = Instant.MIN;

    ConsumerLag(KafkaConnection kafka, Clock clock, MeterRegistry meters) {
        this.admin = Admin.create(kafka.with(Map.of("client.id", "medhub-overview")));
        this.clock = clock;
        this.gauge = MultiGauge.builder("medhub.consumer.lag").baseUnit("records")
                .description("records on a topic that the hub's consumer group has not taken yet").register(meters);
    }

    /** By consumer group: the records behind, summed over the group's partitions. Empty while Kafka does not answer. */
    synchronized Map<String, Long> byGroup() {
        if (Duration.between(readAt, clock.instant()).compareTo(FRESH) < 0) {
            return lags;
        }
        try {
            lags = read();
            gauge.register(lags.entrySet().stream().map(lag -> MultiGauge.Row.of(Tags.of("group", lag.getKey()),
                    lag.getValue())).toList(), true);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("could not read the consumer groups' lag from Kafka: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readAt = clock.instant();
        return lags;
    }

    private Map<String, Long> read() throws ExecutionException, InterruptedException, TimeoutException {
        List<String> groups = new ArrayList<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith("medhub.mapping.") || group.groupId().startsWith("medhub.delivery.")) {
                groups.add(group.groupId());
            }
        }
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new TreeMap<>();
        for (String group : groups) {
            committed.put(group, admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        }
        Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
        committed.values().forEach(offsets -> offsets.keySet().forEach(p -> ends.put(p, OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = ends.isEmpty() ? Map.of()
                : admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> behind = new TreeMap<>();
        committed.forEach((group, offsets) -> behind.put(group, offsets.entrySet().stream()
                .filter(o -> o.getValue() != null && end.containsKey(o.getKey()))
                .mapToLong(o -> Math.max(0, end.get(o.getKey()).offset() - o.getValue().offset())).sum()));
        return behind;
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
