package org.medhub.routes.inbound;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.routes.deadletter.DeadLetter;
import org.medhub.routes.deadletter.DeadLetters;
import org.medhub.routes.inbound.RecordRejectedException;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where an inbound rejection is recorded: the ledger says which stage failed and why,
 * a dead letter with the raw bytes goes to {@code medhub.dlq}, and the rejection still reaches the
 * channel so that it can answer its sender. The batch stages (mapping pipeline, delivery) record their
 * failures the same way, a batch at a time.
 */
public class ErrorHandling extends RouteConfigurationBuilder {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    public static final String INGEST = "ingest-errors";

    private final DeadLetters deadLetters;

    public ErrorHandling(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void configuration() {
        routeConfiguration(INGEST)
                // a refusal is the sender's to fix, not a fault of the hub: one WARN line, no stack trace
                .onException(RecordRejectedException.class).handled(false).logExhausted(false)
                .process(this::recordRejection);
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
        deadLetters.rejected(List.of(DeadLetter.rejected(new Rejection(messageId, partner, messageType, rejection.stage(),
                rejection.getMessage(), rawLocation), raw)));
        log.warn("Refused a {} message {} from partner {} at {}: {}", PrintableText.quote(messageType), messageId,
                partner, rejection.stage(), PrintableText.quote(rejection.getMessage()));
    }
}
