package org.medhub.hub.topics;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Where the hub's Kafka is and how to sign in to it (security protocol, SASL, TLS), from {@code spring.kafka.*}: the
 * one source for every client the hub makes itself, for Camel's, and for Spring's.
 */
@Component
public class KafkaConnection {

    private final Map<String, Object> settings;

    KafkaConnection(KafkaProperties kafka) {
        this.settings = Map.copyOf(kafka.buildAdminProperties(null));
    }

    /** The connection settings plus a client's own. */
    public Map<String, Object> with(Map<String, Object> clientSettings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putAll(clientSettings);
        return all;
    }

    /** How to sign in, without where: what Camel's component needs beside its brokers. */
    public Map<String, Object> security() {
        Map<String, Object> security = new HashMap<>(settings);
        security.remove("bootstrap.servers");
        return security;
    }
}
