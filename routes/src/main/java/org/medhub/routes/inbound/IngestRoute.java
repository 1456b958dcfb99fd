package org.medhub.routes.inbound;

import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.routes.ErrorHandling;
import org.medhub.routes.MedhubHeaders;
import org.medhub.routes.Topics;
import org.medhub.routes.ledger.Admission;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.RecordMetadataLocation;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.Subscription;

/**
 * Every inbound channel ends here: keep the raw bytes on the partner's raw topic, map and validate,
 * admit once by message id, publish the envelope on its canonical topic keyed by business key.
 * Headers in: {@link MedhubHeaders#PARTNER}, {@link MedhubHeaders#MESSAGE_TYPE}; body: the raw bytes.
 */
public class IngestRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:ingest";
    /** The raw write is the point of no return: after it, nothing the partner sent can be lost. */
    static final String RAW_PRODUCER = "kafka:medhub.raw";
    static final String CANONICAL_PRODUCER = "kafka:medhub.canonical";

    private final PartnerDirectory partners;
    private final Ledger ledger;
    private final Clock clock;

    public IngestRoute(PartnerDirectory partners, Ledger ledger, Clock clock) {
        this.partners = partners;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("ingest").routeConfigurationId(ErrorHandling.INGEST)
                .process(this::addressRawTopic)
                .to(RAW_PRODUCER)
                .process(exchange -> exchange.setProperty(MedhubHeaders.RAW_LOCATION,
                        RecordMetadataLocation.of(exchange.getMessage())))
                .process(new CanonicalMapping(partners, clock))
                .process(this::admit)
                .filter(header(MedhubHeaders.DUPLICATE).isEqualTo(false))
                    .to(CANONICAL_PRODUCER)
                    .process(this::recordPublished)
                .end();
    }

    private void addressRawTopic(Exchange exchange) {
        Message message = exchange.getMessage();
        byte[] raw = message.getBody(byte[].class);
        String partner = message.getHeader(MedhubHeaders.PARTNER, String.class);
        exchange.setProperty(MedhubHeaders.RAW_BYTES, raw);
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, Topics.raw(partner));
        message.setHeader(KafkaConstants.KEY,
                MessageIds.fromRaw(partner, message.getHeader(MedhubHeaders.MESSAGE_TYPE, String.class), raw));
    }

    private void admit(Exchange exchange) {
        Message message = exchange.getMessage();
        Envelope envelope = exchange.getProperty(MedhubHeaders.ENVELOPE, Envelope.class);
        Admission admission = ledger.admit(envelope, message.getHeader(MedhubHeaders.MESSAGE_TYPE, String.class),
                exchange.getProperty(MedhubHeaders.RAW_LOCATION, KafkaLocation.class));
        message.setHeader(MedhubHeaders.DUPLICATE, admission == Admission.DUPLICATE);
    }

    private void recordPublished(Exchange exchange) {
        Message message = exchange.getMessage();
        String entity = message.getHeader(MedhubHeaders.ENTITY, String.class);
        List<String> subscribers = partners.partners().stream()
                .flatMap(p -> p.subscriptions().stream())
                .filter(s -> s.entity().equals(entity))
                .filter(s -> !s.subscriber().equals(message.getHeader(MedhubHeaders.PARTNER, String.class)))
                .map(Subscription::subscriber)
                .toList();
        ledger.published(message.getHeader(MedhubHeaders.MESSAGE_ID, String.class),
                RecordMetadataLocation.of(message), subscribers);
    }
}
