package org.medhub.routes.inbound;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.routes.inbound.ErrorHandling;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Stage;

/**
 * Every channel that answers its sender ends here (HTTP push, file drop): the record is mapped and
 * validated so that the answer can name every problem, then its raw bytes are written to the
 * partner's raw topic with what the intake found, and the ledger is told. Publishing to the canonical
 * topic is the mapping pipeline's work: the raw write is the point of no return, and from there
 * nothing the partner sent can be lost.
 * Headers in: {@link MedhubHeaders#PARTNER}, {@link MedhubHeaders#MESSAGE_TYPE}; body: the raw bytes.
 * Headers out: {@link MedhubHeaders#MESSAGE_ID} (the first), {@link MedhubHeaders#MESSAGE_IDS},
 * {@link MedhubHeaders#DUPLICATE}; a refused record ends with a {@link RecordRejectedException}.
 */
public class IngestRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:ingest";

    private final RecordMapping mapping;
    private final Ledger ledger;
    private final KafkaWriter kafka;

    public IngestRoute(RecordMapping mapping, Ledger ledger, KafkaWriter kafka) {
        this.mapping = mapping;
        this.ledger = ledger;
        this.kafka = kafka;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("ingest").routeConfigurationId(ErrorHandling.INGEST).process(this::ingest);
    }

    private void ingest(Exchange exchange) {
        Message message = exchange.getMessage();
        String partner = message.getHeader(MedhubHeaders.PARTNER, String.class);
        String messageType = message.getHeader(MedhubHeaders.MESSAGE_TYPE, String.class);
        byte[] raw = message.getBody(byte[].class);
        exchange.setProperty(MedhubHeaders.RAW_BYTES, raw);

        List<MappedMessage> mapped = List.of();
        RecordRejectedException rejection = null;
        try {
            mapped = mapping.map(partner, messageType, raw);
        } catch (RecordRejectedException e) {
            rejection = e;
        }
        List<String> ids = mapped.stream().map(m -> m.envelope().messageId()).toList();
        Set<String> published = ids.isEmpty() ? Set.of() : ledger.alreadyPublished(ids);
        boolean duplicate = !ids.isEmpty() && published.containsAll(ids);
        Intake intake = rejection != null ? Intake.REJECTED : duplicate ? Intake.DUPLICATE : Intake.ACCEPTED;

        KafkaLocation rawLocation = writeRaw(rawRecord(partner, messageType, raw, intake));
        exchange.setProperty(MedhubHeaders.RAW_LOCATION, rawLocation);
        if (rejection != null) {
            throw rejection;
        }
        List<Admittance> admitted = mapped.stream()
                .map(m -> new Admittance(m.envelope(), messageType, rawLocation, m.lineage())).toList();
        if (duplicate) {
            ledger.duplicates(admitted);
        } else {
            ledger.received(admitted);
        }
        message.setHeader(MedhubHeaders.MESSAGE_ID, ids.get(0));
        message.setHeader(MedhubHeaders.MESSAGE_IDS, ids);
        message.setHeader(MedhubHeaders.DUPLICATE, duplicate);
    }

    /** A record Kafka refuses for its size will be refused every time: the sender's to fix, not a reason to retry. */
    private KafkaLocation writeRaw(ProducerRecord<String, byte[]> record) {
        try {
            return kafka.write(record);
        } catch (KafkaWriter.KafkaWriteException e) {
            if (e.getCause() instanceof RecordTooLargeException) {
                throw new RecordRejectedException("body-too-large", Stage.RECEIVED, "the record of " + record.value().length
                        + " bytes is larger than Kafka takes (medhub.topics.max-record-size, or the topic's"
                        + " max.message.bytes); it was not kept", List.of());
            }
            throw e;
        }
    }

    /** The raw record: the bytes as received, keyed by their hash, with who sent them and what the intake found. */
    static ProducerRecord<String, byte[]> rawRecord(String partner, String messageType, byte[] raw, Intake intake) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.raw(partner),
                MessageIds.fromRaw(partner, messageType, raw), raw);
        record.headers().add(MedhubHeaders.PARTNER, partner.getBytes(StandardCharsets.UTF_8));
        record.headers().add(MedhubHeaders.MESSAGE_TYPE, messageType.getBytes(StandardCharsets.UTF_8));
        record.headers().add(MedhubHeaders.INTAKE, intake.name().getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
