package org.medhub.routes.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.ledger.Admission;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Publication;
import org.medhub.routes.ledger.Rejection;
import org.medhub.routes.ledger.Stage;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.sync.RecordSync;
import org.medhub.routes.sync.SyncResult;

/**
 * From mapped messages to the canonical topics: admit each message once and merge it into the hub's
 * current record, in one transaction; write what became of it (the new version to its canonical topic,
 * a conflict to {@code medhub.conflicts}, a refusal to {@code medhub.dlq}) in one acknowledged batch;
 * then record where it went, in a commit of its own. The Kafka write comes after the merge's commit,
 * so a topic never holds a version the hub's records do not: after a crash before the second commit,
 * the batch runs again, its messages are claimed again (same raw record, not yet published) and the
 * merge gives back the versions it committed, which are written again under the same message ids.
 */
public class CanonicalPublisher {

    private final Ledger ledger;
    private final RecordSync sync;
    private final KafkaWriter kafka;
    private final DeadLetters deadLetters;
    private final PartnerDirectory partners;
    private final Consumer<Collection<Envelope>> onPublished;

    public CanonicalPublisher(Ledger ledger, RecordSync sync, KafkaWriter kafka, DeadLetters deadLetters,
            PartnerDirectory partners) {
        this(ledger, sync, kafka, deadLetters, partners, published -> { });
    }

    /** @param onPublished told of the envelopes of each batch once they are on their canonical topics (for metrics) */
    public CanonicalPublisher(Ledger ledger, RecordSync sync, KafkaWriter kafka, DeadLetters deadLetters,
            PartnerDirectory partners, Consumer<Collection<Envelope>> onPublished) {
        this.ledger = ledger;
        this.sync = sync;
        this.kafka = kafka;
        this.deadLetters = deadLetters;
        this.partners = partners;
        this.onPublished = onPublished;
    }

    /** @return what became of each message admitted now, by message id; one already admitted has no entry */
    public Map<String, SyncResult> publish(List<Admittance> admittances) {
        if (admittances.isEmpty()) {
            return Map.of();
        }
        List<Admittance> admitted = new ArrayList<>();
        List<SyncResult> results = new ArrayList<>();
        ledger.atomically(() -> {
            List<Admission> admissions = ledger.admit(admittances);
            for (int i = 0; i < admittances.size(); i++) {
                if (admissions.get(i) == Admission.NEW) {
                    admitted.add(admittances.get(i));
                }
            }
            results.addAll(sync.apply(admitted.stream().map(Admittance::envelope).toList()));
        });
        List<ProducerRecord<String, byte[]>> writes = new ArrayList<>();
        Map<Integer, Envelope> published = new LinkedHashMap<>(); // by the index of its write
        List<Rejection> refused = new ArrayList<>();
        for (int i = 0; i < admitted.size(); i++) {
            Admittance message = admitted.get(i);
            Envelope envelope = message.envelope();
            SyncResult result = results.get(i);
            switch (result.outcome()) {
                case APPLIED -> {
                    published.put(writes.size(), result.published());
                    writes.add(canonical(result.published()));
                }
                case CONFLICT -> writes.add(new ProducerRecord<>(Topics.CONFLICTS,
                        envelope.entity() + "/" + envelope.businessKey(), result.conflict()));
                case REFUSED -> {
                    refused.add(new Rejection(envelope.messageId(), envelope.partner(), message.messageType(),
                            Stage.PUBLISHED, result.reason(), message.raw()));
                    writes.add(deadLetters.record(DeadLetter.of(envelope.messageId(), Stage.PUBLISHED, result.reason(),
                            envelope.partner(), message.messageType(), null, message.raw(), CanonicalJson.toBytes(envelope))));
                }
                case UNCHANGED -> { }
            }
        }
        List<KafkaLocation> locations = kafka.writeAll(writes);
        List<Publication> publications = new ArrayList<>(published.size());
        published.forEach((write, envelope) -> publications.add(new Publication(envelope.messageId(), locations.get(write),
                envelope.deleted() ? List.of() : Subscribers.of(partners, envelope.entity(), envelope.source()))));
        // each alone: about different messages, and written again as they were if the batch runs again
        ledger.published(publications);
        ledger.rejected(refused);
        if (!published.isEmpty()) {
            onPublished.accept(published.values());
        }
        Map<String, SyncResult> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < admitted.size(); i++) {
            outcomes.put(admitted.get(i).envelope().messageId(), results.get(i));
        }
        return outcomes;
    }

    /**
     * The record for the entity's canonical topic. A deletion is a tombstone, a null value under the key, which
     * compaction keeps for a while and then drops with every earlier version of the key; its headers say which
     * message it was. Subscribers are not sent deletions: their formats have no way to say one.
     */
    private static ProducerRecord<String, byte[]> canonical(Envelope envelope) {
        String topic = Topics.canonical(DataDictionary.standard().entity(envelope.entity()).orElseThrow().topic());
        if (!envelope.deleted()) {
            return new ProducerRecord<>(topic, envelope.businessKey(), CanonicalJson.toBytes(envelope));
        }
        ProducerRecord<String, byte[]> tombstone = new ProducerRecord<>(topic, envelope.businessKey(), null);
        tombstone.headers().add(MedhubHeaders.MESSAGE_ID, envelope.messageId().getBytes(StandardCharsets.UTF_8));
        tombstone.headers().add(MedhubHeaders.VERSION, Long.toString(envelope.version()).getBytes(StandardCharsets.UTF_8));
        return tombstone;
    }
}
