package org.medhub.hub.delivery;

import io.github.resilience4j.retry.RetryRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.connectors.http.HttpDelivery;
import org.medhub.hub.MedhubProperties;
import org.medhub.hub.partner.PartnerRegistry;
import org.medhub.routes.ErrorHandling;
import org.medhub.routes.Topics;
import org.medhub.routes.delivery.DeliveryRouteTemplate;
import org.medhub.routes.delivery.SubscriberDelivery;
import org.medhub.routes.inbound.IngestRoute;
import org.medhub.routes.ledger.Ledger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The routes of the routes module, and one delivery route per subscription in the partner files. */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ErrorHandling errorHandling(Ledger ledger, Clock clock) {
        return new ErrorHandling(ledger, clock);
    }

    @Bean
    IngestRoute ingestRoute(PartnerRegistry partners, Ledger ledger, Clock clock) {
        return new IngestRoute(partners, ledger, clock);
    }

    @Bean
    HttpDelivery httpDelivery(MedhubProperties properties) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new HttpDelivery(client, properties.delivery().timeout());
    }

    @Bean
    DeliveryRouteTemplate deliveryRouteTemplate(PartnerRegistry partners, Ledger ledger, HttpDelivery http,
            RetryRegistry retries) {
        return new DeliveryRouteTemplate(new SubscriberDelivery(partners, ledger, http, retries));
    }

    @Bean
    CamelContextConfiguration deliveryRoutes(PartnerRegistry partners) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                partners.partners().forEach(partner -> partner.subscriptions().forEach(subscription -> {
                    String topic = Topics.canonical(DataDictionary.standard().entity(subscription.entity()).orElseThrow().topic());
                    TemplatedRouteBuilder.builder(camelContext, DeliveryRouteTemplate.TEMPLATE)
                            .routeId(DeliveryRouteTemplate.routeId(subscription.subscriber(), topic))
                            .parameter(DeliveryRouteTemplate.SUBSCRIBER, subscription.subscriber())
                            .parameter(DeliveryRouteTemplate.TOPIC, topic)
                            .add();
                }));
            }
        };
    }
}
