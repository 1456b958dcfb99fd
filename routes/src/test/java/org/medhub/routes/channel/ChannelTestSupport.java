package org.medhub.routes.channel;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.medhub.canonical.validation.Violation;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.ledger.Admission;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.DeliveryCandidate;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryState;
import org.medhub.routes.ledger.DueRetry;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Publication;
import org.medhub.routes.ledger.Rejection;
import org.medhub.routes.ledger.Stage;

/** Stand-ins for the ingest route and the ledger: the channels are tested without Kafka or a database. */
final class ChannelTestSupport {

    private ChannelTestSupport() {}

    /** What the stand-in ingest route does with each body: nothing (accepted) or throw. */
    static final class Ingest extends RouteBuilder {
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile Function<String, RuntimeException> verdict = body -> null;

        @Override
        public void configure() {
            // like ErrorHandling.INGEST: a rejection is recorded there and still reaches the caller
            from(IngestRoute.ENDPOINT).routeId("ingest").routeConfigurationId("test-ingest-errors")
                    .process(exchange -> {
                        String body = exchange.getMessage().getBody(String.class);
                        received.add(exchange.getMessage().getHeader(MedhubHeaders.PARTNER) + "/"
                                + exchange.getMessage().getHeader(MedhubHeaders.MESSAGE_TYPE) + ":" + body);
                        RuntimeException failure = verdict.apply(body);
                        if (failure != null) {
                            throw failure;
                        }
                        exchange.getMessage().setHeader(MedhubHeaders.MESSAGE_ID, "id-" + body.hashCode());
                    });
        }
    }

    static final class IngestErrors extends RouteConfigurationBuilder {
        @Override
        public void configuration() {
            routeConfiguration("test-ingest-errors").onException(RecordRejectedException.class).handled(false)
                    .setHeader(MedhubHeaders.MESSAGE_ID, constant("rejected-id"));
        }
    }

    static RecordRejectedException invalid(String field) {
        return new RecordRejectedException("invalid-record", Stage.MAPPED, "the Batch mapped from this record breaks 1 rule(s)",
                List.of(new Violation(field, "required", null, field + " is required")));
    }

    /** Dead letters into Kafka's own stand-in producer, which remembers what was sent; refusals into {@code ledger}. */
    static DeadLetters deadLetters(MockProducer<String, byte[]> producer, Ledger ledger) {
        return new DeadLetters(new KafkaWriter(producer), ledger, Clock.systemUTC(), 1024);
    }

    static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    /** Remembers refusals; nothing else is asked of it by the channels. */
    static final class RecordingLedger implements Ledger {

        final List<String> rejected = new CopyOnWriteArrayList<>();

        @Override
        public void atomically(Runnable work) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void rejected(List<Rejection> batch) {
            batch.forEach(r -> rejected.add(r.partner() + "/" + r.messageType() + " " + r.stage() + ": " + r.reason()));
        }

        @Override
        public void received(List<Admittance> messages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> alreadyPublished(Collection<String> messageIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void duplicates(List<Admittance> messages) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Admission> admit(List<Admittance> batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void published(List<Publication> batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DeliveryState deliveryState(String subscriber, List<DeliveryCandidate> read) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordDeliveries(String subscriber, List<DeliveryOutcome> outcomes, Set<String> withRows) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordRetries(String subscriber, List<DeliveryOutcome> outcomes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DueRetry> claimDueRetries(int max, Duration lease) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void releaseNextHeld(String subscriber, String businessKey) {
            throw new UnsupportedOperationException();
        }
    }

    static final class MemoryCheckpoints implements CheckpointStore {
        final Map<String, String> stored = new ConcurrentHashMap<>();
        final List<String> advances = new ArrayList<>();

        @Override
        public Optional<String> checkpoint(String partner, String channel) {
            return Optional.ofNullable(stored.get(partner + "/" + channel));
        }

        @Override
        public synchronized void advance(String partner, String channel, String checkpoint) {
            advances.add(checkpoint);
            stored.put(partner + "/" + channel, checkpoint);
        }
    }
}
