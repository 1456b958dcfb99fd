package org.medhub.hub.overview;

import java.security.Principal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.people.PartnerScopes;
import org.medhub.hub.problem.Problems;
import org.medhub.routes.partner.Partner;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the ops dashboard opens on: for each partner, what arrived and what failed over the last hour or day (from the
 * ledger, so it survives restarts and holds for every instance), the messages failed now, its last message; for each
 * of the hub's consumer groups, how far it is behind.
 */
@RestController
class OverviewController {

    /** The windows a person may look at, and the width of each chart bar. */
    enum Window {
        HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
        DAY(Duration.ofDays(1), Duration.ofMinutes(30));

        final Duration length;
        final Duration bucket;

        Window(Duration length, Duration bucket) {
            this.length = length;
            this.bucket = bucket;
        }
    }

    /** @param failed of the messages received in the bar, those failed now */
    record Bar(Instant at, long received, long failed) {}

    /**
     * @param failedNow messages of the partner failed now, whenever received: what waits for a person
     * @param errorRate failed of received in the window, 0 to 1
     */
    record PartnerActivity(String partner, long received, long failed, double errorRate, long failedNow,
            Instant lastMessageAt, List<Bar> bars) {}

    /** @param kind mapping (a partner's raw records) or delivery (a subscriber's records of an entity) */
    record GroupLag(String group, String kind, long lag) {}

    /** @param barSeconds how long each bar of a partner's chart is */
    record Overview(Window window, Instant from, Instant until, long barSeconds, List<PartnerActivity> partners,
            List<GroupLag> consumers, long openConflicts) {}

    private final JdbcTemplate jdbc;
    private final LivePartners partners;
    private final PartnerScopes scopes;
    private final ConsumerLag lag;
    private final OverviewMetrics metrics;
    private final Clock clock;

    OverviewController(JdbcTemplate jdbc, LivePartners partners, PartnerScopes scopes, ConsumerLag lag, OverviewMetrics metrics,
            Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.scopes = scopes;
        this.lag = lag;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/api/overview")
    Overview overview(@RequestParam(defaultValue = "HOUR") String window, Principal person) {
        Window chosen = window(window);
        Instant until = clock.instant();
        Instant from = until.minus(chosen.length);
        Optional<Set<String>> scope = scopes.of(person.getName());
        List<String> shown = partners.partners().stream().map(Partner::id)
                .filter(id -> scope.map(s -> s.contains(id)).orElse(true)).sorted().toList();
        String[] ids = shown.toArray(String[]::new);
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        jdbc.query("""
                select partner, date_bin(?::interval, received_at, timestamptz '2000-01-01') as at, count(*) as received,
                       count(*) filter (where m.status = 'FAILED' or exists (select 1 from delivery d
                           where d.message_id = m.message_id and d.status in ('FAILED', 'STOPPED'))) as failed
                from message m where received_at >= ? and partner = any(?)
                group by 1, 2 order by 1, 2""", rs -> {
                    bars.computeIfAbsent(rs.getString("partner"), p -> new ArrayList<>()).add(new Bar(
                            rs.getTimestamp("at").toInstant(), rs.getLong("received"), rs.getLong("failed")));
                }, chosen.bucket.toSeconds() + " seconds", Timestamp.from(from), ids);
        Map<String, Long> failedNow = metrics.failedNow(ids);
        Map<String, Instant> last = new LinkedHashMap<>();
        // one index lookup per partner, not a scan of the ledger
        jdbc.query("select p, (select max(received_at) from message where partner = p) from unnest(?::varchar[]) as p",
                rs -> {
                    Timestamp at = rs.getTimestamp(2);
                    if (at != null) {
                        last.put(rs.getString(1), at.toInstant());
                    }
                }, (Object) ids);
        List<PartnerActivity> activity = shown.stream().map(id -> {
            List<Bar> of = bars.getOrDefault(id, List.of());
            long received = of.stream().mapToLong(Bar::received).sum();
            long failed = of.stream().mapToLong(Bar::failed).sum();
            return new PartnerActivity(id, received, failed, received == 0 ? 0 : (double) failed / received,
                    failedNow.getOrDefault(id, 0L), last.get(id), of);
        }).toList();
        List<GroupLag> consumers = lag.byGroup().entrySet().stream()
                .filter(g -> scope.isEmpty() || shown.stream().anyMatch(id -> g.getKey().startsWith("medhub.mapping." + id)
                        || g.getKey().startsWith("medhub.delivery." + id + ".")))
                .map(g -> new GroupLag(g.getKey(), g.getKey().startsWith("medhub.mapping.") ? "mapping" : "delivery",
                        g.getValue())).toList();
        Long conflicts = jdbc.queryForObject("select count(*) from conflict where status = 'OPEN'", Long.class);
        return new Overview(chosen, from, until, chosen.bucket.toSeconds(), activity, consumers, conflicts == null ? 0 : conflicts);
    }

    private static Window window(String name) {
        try {
            return Window.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problems.fail(Problems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter",
                    "window must be HOUR or DAY, not '" + name + "'"));
        }
    }
}
