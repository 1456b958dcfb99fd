package org.medhub.routes;

import java.time.Clock;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.connectors.http.DeliveryFailedException;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Stage;

/**
 * The one place where failures are handled: every failed message is written to the ledger and to
 * {@code medhub.dlq} with its stage, its reason and its bytes. Inbound rejections still reach the
 * caller (an HTTP partner gets its answer); failed deliveries end there.
 */
public class ErrorHandling extends RouteConfigurationBuilder {

    public static final String INGEST = "ingest-errors";
    public static final String DELIVERY = "delivery-errors";
    static final String DLQ_PRODUCER = "kafka:" + Topics.DLQ;

    private final Ledger ledger;
    private final Clock clock;

    public ErrorHandling(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public void configuration() {
        routeConfiguration(INGEST)
                .onException(RecordRejectedException.class).handled(false)
                .process(this::recordRejection)
                .to(DLQ_PRODUCER);

        routeConfiguration(DELIVERY)
                .onException(DeliveryFailedException.class).handled(true)
                .process(this::recordDeliveryFailure)
                .to(DLQ_PRODUCER);
    }

    private void recordRejection(Exchange exchange) {
        RecordRejectedException rejection = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RecordRejectedException.class);
        Message message = exchange.getMessage();
        String partner = message.getHeader(MedhubHeaders.PARTNER, String.class);
        String messageType = message.getHeader(MedhubHeaders.MESSAGE_TYPE, String.class);
        byte[] raw = exchange.getProperty(MedhubHeaders.RAW_BYTES, byte[].class);
        KafkaLocation rawLocation = exchange.getProperty(MedhubHeaders.RAW_LOCATION, KafkaLocation.class);
        String messageId = MessageIds.fromRaw(partner, messageType, raw);
        message.setHeader(MedhubHeaders.MESSAGE_ID, messageId);
        ledger.rejected(messageId, partner, messageType, rejection.stage(), rejection.getMessage(), rawLocation);
        deadLetter(message, new DeadLetter(messageId, rejection.stage(), rejection.getMessage(), partner, messageType,
                null, rawLocation, clock.instant(), raw));
    }

    private void recordDeliveryFailure(Exchange exchange) {
        DeliveryFailedException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, DeliveryFailedException.class);
        Message message = exchange.getMessage();
        byte[] envelopeBytes = message.getBody(byte[].class);
        Envelope envelope = CanonicalJson.fromBytes(envelopeBytes, Envelope.class);
        String subscriber = exchange.getProperty(MedhubHeaders.SUBSCRIBER, String.class);
        ledger.deliveryFailed(subscriber, envelope.messageId(), failure.attempts(), failure.getMessage());
        KafkaLocation origin = new KafkaLocation(message.getHeader(KafkaConstants.TOPIC, String.class),
                message.getHeader(KafkaConstants.PARTITION, Integer.class),
                message.getHeader(KafkaConstants.OFFSET, Long.class));
        deadLetter(message, new DeadLetter(envelope.messageId(), Stage.DELIVERED, failure.getMessage(),
                envelope.partner(), null, subscriber, origin, clock.instant(), envelopeBytes));
    }

    private static void deadLetter(Message message, DeadLetter letter) {
        message.setHeader(KafkaConstants.OVERRIDE_TOPIC, Topics.DLQ);
        message.setHeader(KafkaConstants.KEY, letter.messageId());
        message.setBody(CanonicalJson.toBytes(letter));
    }
}
