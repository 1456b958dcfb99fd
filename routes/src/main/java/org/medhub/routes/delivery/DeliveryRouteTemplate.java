package org.medhub.routes.delivery;

import org.apache.camel.builder.RouteBuilder;
import org.medhub.routes.ErrorHandling;
import org.medhub.routes.MedhubHeaders;

/**
 * One route shape for every subscription: read the entity's canonical topic in the subscriber's own
 * consumer group and deliver. Instantiated once per subscription from partner configuration.
 */
public class DeliveryRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE = "delivery";
    public static final String SUBSCRIBER = "subscriber";
    public static final String TOPIC = "topic";

    private final SubscriberDelivery delivery;

    public DeliveryRouteTemplate(SubscriberDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter(SUBSCRIBER, null, "id of the subscribing partner")
                .templateParameter(TOPIC, null, "canonical topic to deliver from")
                .from("kafka:{{" + TOPIC + "}}?groupId=medhub.delivery.{{" + SUBSCRIBER + "}}.{{" + TOPIC + "}}")
                .routeConfigurationId(ErrorHandling.DELIVERY)
                .setProperty(MedhubHeaders.SUBSCRIBER, constant("{{" + SUBSCRIBER + "}}"))
                .process(delivery);
    }

    public static String routeId(String subscriber, String topic) {
        return "deliver-" + subscriber + "-" + topic;
    }
}
