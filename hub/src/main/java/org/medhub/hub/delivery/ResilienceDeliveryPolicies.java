package org.medhub.hub.delivery;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.medhub.routes.delivery.DeliveryPolicies;
import org.medhub.routes.delivery.DeliveryPolicy;

/**
 * Delivery policies from Resilience4j's named configuration: a profile's retry instance gives the
 * attempts and the backoff (exponential, with jitter), its circuit breaker instance guards the
 * subscriber, its bulkhead instance bounds how many deliveries to it run at once.
 */
class ResilienceDeliveryPolicies implements DeliveryPolicies, AutoCloseable {

    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final Map<String, DeliveryPolicy> policies = new ConcurrentHashMap<>();

    ResilienceDeliveryPolicies(RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads) {
        this.retries = retries;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
    }

    @Override
    public DeliveryPolicy of(String profile) {
        return policies.computeIfAbsent(profile, this::create);
    }

    private DeliveryPolicy create(String profile) {
        RetryConfig retry = retries.retry(profile).getRetryConfig();
        int concurrency = bulkheads.bulkhead(profile).getBulkheadConfig().getMaxConcurrentCalls();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "medhub-deliver-" + profile + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new DeliveryPolicy(retry.getMaxAttempts(),
                attempt -> Duration.ofMillis(retry.getIntervalBiFunction().apply(attempt, Either.left(new RuntimeException()))),
                breakers.circuitBreaker(profile), workers);
    }

    @Override
    public void close() {
        policies.values().forEach(policy -> policy.workers().shutdownNow());
    }
}
