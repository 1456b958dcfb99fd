package org.medhub.hub.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The hub's shape with nothing of the hub in it: consume a raw topic, produce each record unchanged
 * to a canonical topic, consume that, and POST what one poll returned as one JSON array to the
 * subscriber; offsets committed after each batch's writes, as the hub does. No ledger, no mapping:
 * the limit of two produces, two consumes and an HTTP request per batch on this machine.
 */
final class BareTopology implements AutoCloseable {

    static final String RAW = "bench.bare.raw";
    static final String CANONICAL = "bench.bare.canonical";

    private final Map<String, Object> kafka;
    private final String subscriberUrl;
    private final List<Thread> stages;
    private volatile boolean running = true;

    BareTopology(Map<String, Object> kafka, String subscriberUrl) {
        this.kafka = kafka;
        this.subscriberUrl = subscriberUrl;
        this.stages = List.of(new Thread(this::relay, "bare-map"), new Thread(this::deliver, "bare-deliver"));
    }

    void start() {
        stages.forEach(Thread::start);
    }

    private void relay() {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench.bare.relay", RAW);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(PipelineBench.producerSettings(kafka))) {
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(50));
                if (batch.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : batch) {
                    producer.send(new ProducerRecord<>(CANONICAL, record.key(), record.value()));
                }
                producer.flush();
                consumer.commitSync();
            }
        }
    }

    private void deliver() {
        HttpClient http = HttpClient.newHttpClient();
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench.bare.deliver", CANONICAL)) {
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(50));
                if (batch.isEmpty()) {
                    continue;
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write('[');
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (body.size() > 1) {
                        body.write(',');
                    }
                    body.writeBytes(record.value());
                }
                body.write(']');
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(subscriberUrl))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException("the subscriber answered " + answer.statusCode());
                }
                consumer.commitSync();
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String group, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(PipelineBench.with(kafka, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread stage : stages) {
            stage.join(10_000);
        }
    }
}
