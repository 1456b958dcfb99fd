package org.medhub.routes.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.medhub.routes.MedhubHeaders;

/**
 * One route shape for every subscription: read the entity's canonical topic a batch at a time in the
 * subscriber's own consumer group, deliver, commit. Instantiated once per subscription.
 */
public class DeliveryRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE = "delivery";
    public static final String SUBSCRIBER = "subscriber";
    public static final String TOPIC = "topic";

    private final DeliveryBatchProcessor batches;
    private final int maxBatch;

    public DeliveryRouteTemplate(DeliveryBatchProcessor batches, int maxBatch) {
        this.batches = batches;
        this.maxBatch = maxBatch;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(SUBSCRIBER, null, "id of the subscribing partner")
                .templateParameter(TOPIC, null, "canonical topic to deliver from")
                .from("kafka:{{" + TOPIC + "}}?groupId=medhub.delivery.{{" + SUBSCRIBER + "}}.{{" + TOPIC + "}}"
                        + "&batching=true&maxPollRecords=" + maxBatch + "&pollTimeoutMs=50"
                        + "&autoCommitEnable=false&allowManualCommit=true")
                .setProperty(MedhubHeaders.SUBSCRIBER, constant("{{" + SUBSCRIBER + "}}"))
                .process(batches);
    }

    public static String routeId(String subscriber, String topic) {
        return "deliver-" + subscriber + "-" + topic;
    }
}
