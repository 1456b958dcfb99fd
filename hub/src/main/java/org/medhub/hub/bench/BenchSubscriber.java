package org.medhub.hub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.medhub.canonical.envelope.CanonicalJson;

/**
 * The subscriber every measured topology delivers to: accepts one JSON record or an array of them,
 * counts distinct records (a canonical envelope by its message id, a raw record by its record id, as
 * an idempotent subscriber would) and notes each one's latency from its business time.
 */
final class BenchSubscriber implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final Map<String, Boolean> received = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    private BenchSubscriber(HttpServer server) {
        this.server = server;
    }

    static BenchSubscriber start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        BenchSubscriber subscriber = new BenchSubscriber(server);
        server.createContext("/batches", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = micros();
            JsonNode json = CanonicalJson.mapper().readTree(body);
            for (JsonNode one : json.isArray() ? json : List.of(json)) {
                subscriber.receive(one, now);
            }
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        });
        server.setExecutor(subscriber.workers);
        server.start();
        return subscriber;
    }

    private void receive(JsonNode record, long now) {
        boolean envelope = record.has("messageId");
        String id = record.path(envelope ? "messageId" : "recordId").asText();
        if (received.putIfAbsent(id, Boolean.TRUE) == null) {
            OffsetDateTime sent = OffsetDateTime.parse(record.path(envelope ? "occurredAt" : "reportedAt").asText());
            latencies.add(Math.max(0, now - (sent.toEpochSecond() * 1_000_000 + sent.getNano() / 1000)));
            count.incrementAndGet();
        }
    }

    /** Wall-clock time in microseconds: the business time is wall-clock time too. */
    private static long micros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/batches";
    }

    int count() {
        return count.get();
    }

    void await(int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (count.get() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the subscriber got " + count.get() + " of " + expected + " records in " + limit);
            }
            Thread.sleep(5);
        }
    }

    /** Forgets the latencies so far: the next measurement starts from here. */
    void resetLatencies() {
        latencies.clear();
    }

    List<Long> sortedLatencies() {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
