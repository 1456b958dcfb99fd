package org.medhub.hub.overview;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.hub.partner.LivePartners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The overview's numbers as metrics, for Prometheus and the dashboards people already have: records published per
 * partner ({@code medhub_messages_published_total}), messages failed now per partner, the dead-letter depth that
 * waits for a person ({@code medhub_messages_failed}), and the consumer groups' lag, both read every
 * {@link #EVERY}.
 */
@Component
public class OverviewMetrics implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OverviewMetrics.class);
    static final Duration EVERY = Duration.ofSeconds(15);

    private final JdbcTemplate jdbc;
    private final LivePartners partners;
    private final ConsumerLag lag;
    private final MeterRegistry meters;
    private final MultiGauge failed;
    /** Looked up once per partner: every published record is counted. */
    private final Map<String, Counter> published = new java.util.concurrent.ConcurrentHashMap<>();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "medhub-overview-metrics");
        thread.setDaemon(true);
        return thread;
    });

    OverviewMetrics(JdbcTemplate jdbc, LivePartners partners, ConsumerLag lag, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.lag = lag;
        this.meters = meters;
        this.failed = MultiGauge.builder("medhub.messages.failed")
                .description("messages failed now, waiting for a person (replay, correction, discard)").register(meters);
        reader.scheduleWithFixedDelay(this::read, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Told of every batch on its canonical topics. */
    public void published(Collection<Envelope> envelopes) {
        envelopes.forEach(e -> published.computeIfAbsent(e.partner() == null ? "" : e.partner(), partner ->
                Counter.builder("medhub.messages.published").description("records published to a canonical topic")
                        .tag("partner", partner).register(meters)).increment());
    }

    /** The messages failed now, by partner, among {@code ids}: what the dead-letter queue holds for people. */
    Map<String, Long> failedNow(String[] ids) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                select partner, count(*) from message_view where current_status = 'FAILED' and partner = any(?)
                and message_id in (select message_id from message where status = 'FAILED'
                                   union all select message_id from delivery where status in ('FAILED', 'STOPPED'))
                group by partner""", rs -> { counts.put(rs.getString(1), rs.getLong(2)); }, (Object) ids);
        return counts;
    }

    private void read() {
        try {
            String[] ids = partners.partners().stream().map(p -> p.id()).toArray(String[]::new);
            Map<String, Long> counts = failedNow(ids);
            failed.register(java.util.Arrays.stream(ids).map(id -> MultiGauge.Row.of(Tags.of("partner", id),
                    counts.getOrDefault(id, 0L))).toList(), true);
            lag.byGroup();
        } catch (RuntimeException e) {
            log.warn("Could not read the overview's metrics: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
