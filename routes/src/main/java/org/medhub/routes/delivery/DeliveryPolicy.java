package org.medhub.routes.delivery;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;

/**
 * How one subscription is delivered to, from its named resilience profile.
 *
 * @param maxAttempts after this many failed attempts a message is dead-lettered
 * @param backoff the wait before attempt n+1 after attempt n failed (with jitter where the profile says so)
 * @param breaker stops calling a subscriber that keeps failing, for a while
 * @param workers delivers different business keys in parallel, as many as the profile's bulkhead allows
 */
public record DeliveryPolicy(int maxAttempts, IntFunction<Duration> backoff, CircuitBreaker breaker,
        ExecutorService workers) {}
