package org.medhub.hub.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.kafka.KafkaIdempotentRepository;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The route a user writes first for the same job, in a Camel context of its own: Kafka, an idempotent
 * consumer remembered on a Kafka topic (durable, as the hub's admission is), Kafka again, then an HTTP
 * request per record to the subscriber, one exchange at a time, every step with Camel's defaults. The
 * request goes through the JDK's client, the one the hub uses, so that the HTTP client is not what
 * differs.
 */
final class NaiveCamelRoute implements AutoCloseable {

    static final String RAW = "bench.camel.raw";
    static final String CANONICAL = "bench.camel.canonical";
    static final String SEEN = "bench.camel.seen";

    private final DefaultCamelContext camel = new DefaultCamelContext();

    NaiveCamelRoute(Map<String, Object> kafka, String subscriberUrl) throws Exception {
        String brokers = (String) kafka.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        Map<String, Object> security = new HashMap<>(kafka);
        security.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        KafkaComponent component = camel.getComponent("kafka", KafkaComponent.class);
        component.getConfiguration().setBrokers(brokers);
        component.getConfiguration().setAdditionalProperties(security);
        KafkaIdempotentRepository seen = new KafkaIdempotentRepository(SEEN, brokers);
        seen.setProducerConfig(properties(kafka)); // these replace the repository's own, bootstrap servers included
        seen.setConsumerConfig(properties(kafka));
        camel.addService(seen);
        HttpClient http = HttpClient.newHttpClient();
        URI subscriber = URI.create(subscriberUrl);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kafka:" + RAW + "?groupId=bench.camel.map&autoOffsetReset=earliest").routeId("naive-map")
                        .idempotentConsumer(header(KafkaConstants.KEY), seen)
                        .to("kafka:" + CANONICAL);
                from("kafka:" + CANONICAL + "?groupId=bench.camel.deliver&autoOffsetReset=earliest").routeId("naive-deliver")
                        .process(exchange -> {
                            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(subscriber)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getMessage().getBody(byte[].class)))
                                    .build(), HttpResponse.BodyHandlers.discarding());
                            if (answer.statusCode() / 100 != 2) {
                                throw new IllegalStateException("the subscriber answered " + answer.statusCode());
                            }
                        });
            }
        });
    }

    void start() {
        camel.start();
    }

    private static Properties properties(Map<String, Object> settings) {
        Properties properties = new Properties();
        settings.forEach((key, value) -> properties.put(key, String.valueOf(value)));
        return properties;
    }

    @Override
    public void close() {
        camel.stop();
    }
}
