package org.medhub.routes.delivery;

import io.github.resilience4j.retry.RetryRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.connectors.http.DeliveryReceipt;
import org.medhub.connectors.http.DeliveryRequest;
import org.medhub.connectors.http.HttpDelivery;
import org.medhub.routes.MedhubHeaders;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one canonical envelope to one subscriber, unless the subscriber already has it or sent
 * it in the first place.
 */
public class SubscriberDelivery implements Processor {

    private static final Logger log = LoggerFactory.getLogger(SubscriberDelivery.class);

    private final PartnerDirectory partners;
    private final Ledger ledger;
    private final HttpDelivery http;
    private final RetryRegistry retries;

    public SubscriberDelivery(PartnerDirectory partners, Ledger ledger, HttpDelivery http, RetryRegistry retries) {
        this.partners = partners;
        this.ledger = ledger;
        this.http = http;
        this.retries = retries;
    }

    @Override
    public void process(Exchange exchange) {
        String subscriberId = exchange.getProperty(MedhubHeaders.SUBSCRIBER, String.class);
        byte[] body = exchange.getMessage().getBody(byte[].class);
        Envelope envelope = CanonicalJson.fromBytes(body, Envelope.class);
        exchange.getMessage().setHeader(MedhubHeaders.MESSAGE_ID, envelope.messageId());
        if (subscriberId.equals(envelope.source())) {
            return; // never echo a record back to the system it came from
        }
        Subscription subscription = partners.partner(subscriberId)
                .flatMap(p -> p.subscriptions().stream().filter(s -> s.entity().equals(envelope.entity())).findFirst())
                .orElse(null);
        if (subscription == null) {
            log.warn("{} no longer subscribes to {}; message {} not delivered to it",
                    subscriberId, envelope.entity(), envelope.messageId());
            return;
        }
        if (ledger.isDelivered(subscriberId, envelope.messageId())) {
            log.debug("{} already has message {}", subscriberId, envelope.messageId());
            return;
        }
        DeliveryReceipt receipt = http.deliver(
                new DeliveryRequest(subscription.url(), body, "application/json", envelope.messageId()),
                retries.retry(subscription.resilience()));
        ledger.delivered(subscriberId, envelope.messageId(), receipt.attempts(), receipt.httpStatus());
    }
}
