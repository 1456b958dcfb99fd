package org.medhub.routes.delivery;

/** The delivery policy of each resilience profile by name; the hub builds them from its YAML. */
public interface DeliveryPolicies {

    DeliveryPolicy of(String profile);
}
