package org.medhub.routes.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.medhub.routes.kafka.MedhubHeaders;
import org.medhub.routes.pipeline.BatchConsumers;

/**
 * One route shape for every subscription: read the entity's canonical topic a batch at a time in the
 * subscriber's own consumer group, deliver, commit. Instantiated once per subscription.
 */
public class DeliveryRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE = "delivery";
    public static final String SUBSCRIBER = "subscriber";
    public static final String TOPIC = "topic";

    private final DeliveryBatchProcessor batches;
    private final BatchConsumers consumers;

    public DeliveryRouteTemplate(DeliveryBatchProcessor batches, BatchConsumers consumers) {
        this.batches = batches;
        this.consumers = consumers;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(SUBSCRIBER, null, "id of the subscribing partner")
                .templateParameter(TOPIC, null, "canonical topic to deliver from")
                .from(consumers.uri("{{" + TOPIC + "}}", "medhub.delivery.{{" + SUBSCRIBER + "}}.{{" + TOPIC + "}}"))
                .setProperty(MedhubHeaders.SUBSCRIBER, constant("{{" + SUBSCRIBER + "}}"))
                .process(batches);
    }

    public static String routeId(String subscriber, String topic) {
        return "deliver-" + subscriber + "-" + topic;
    }
}
