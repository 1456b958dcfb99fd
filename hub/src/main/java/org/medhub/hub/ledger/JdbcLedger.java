package org.medhub.hub.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.TopicPartition;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.validation.PrintableText;
import org.medhub.routes.ledger.Admission;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.DeliveryCandidate;
import org.medhub.routes.ledger.DeliveryOutcome;
import org.medhub.routes.ledger.DeliveryState;
import org.medhub.routes.ledger.DeliveryStatus;
import org.medhub.routes.ledger.DueRetry;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Publication;
import org.medhub.routes.ledger.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger in PostgreSQL. {@code message} says where each message was received and mapped,
 * {@code publication} where it was published and to whom it is owed, {@code message_stage} what else
 * befell it (failures, duplicates, flags), {@code delivery_progress} how far each subscriber's
 * deliveries have got on each canonical partition, and {@code delivery} where a message is for a
 * subscriber when that is anything but delivered at once (retried, held, failed, replayed, decided by an
 * operator). Every
 * method handles a whole batch with a fixed number of statements, whatever its size: the arrays are
 * unnested in SQL. Neither publication nor delivery rewrites the message row, so the pipeline and the
 * deliveries of one message do not wait for each other; the {@code message_view} works out a message's
 * status across its subscribers when it is read.
 */
@Repository
public class JdbcLedger implements Ledger {

    /** The width of {@code message.message_type}: a refused message may name any type at all. */
    private static final int MESSAGE_TYPE_LENGTH = 100;

    private static final String INSERT_STAGES = """
            insert into message_stage (message_id, stage, subscriber, status, attempts, last_error,
                                       topic, kafka_partition, kafka_offset, first_at, last_at)
            select x.m, x.stage, '', x.status, x.n, x.error, x.topic, x.part, x.off, ?::timestamptz, ?::timestamptz
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[], ?::int[], ?::bigint[], ?::int[])
                 as x(m, stage, status, error, topic, part, off, n)
            on conflict (message_id, stage, subscriber) do update set
                status = excluded.status, attempts = message_stage.attempts + excluded.attempts,
                last_error = excluded.last_error,
                topic = coalesce(excluded.topic, message_stage.topic),
                kafka_partition = coalesce(excluded.kafka_partition, message_stage.kafka_partition),
                kafka_offset = coalesce(excluded.kafka_offset, message_stage.kafka_offset),
                last_at = excluded.last_at""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public JdbcLedger(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void atomically(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    @Override
    @Transactional
    public void received(List<Admittance> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String now = now();
        jdbc.update("""
                insert into message (message_id, partner, message_type, entity, business_key, status, source_version,
                                     correlation_id, mapping_id, mapping_version, raw_topic, raw_partition, raw_offset,
                                     occurred_at, lineage, causation_id, received_at, updated_at)
                select x.m, x.p, x.t, x.e, x.k, 'RECEIVED', x.sv, x.c, x.mi, x.mv, x.rt, x.rp, x.ro, x.oa, x.lin::jsonb, x.cau,
                       ?::timestamptz, ?::timestamptz
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::int[], ?::bigint[], ?::timestamptz[],
                            ?::text[], ?::varchar[])
                     as x(m, p, t, e, k, sv, c, mi, mv, rt, rp, ro, oa, lin, cau)
                on conflict (message_id) do nothing""", messageRowArgs(now, messages));
    }

    @Override
    public Set<String> alreadyPublished(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("""
                select message_id from publication where message_id = any(?::varchar[])""",
                String.class, (Object) messageIds.toArray(String[]::new)));
    }

    @Override
    @Transactional
    public void duplicates(List<Admittance> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String now = now();
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        messages.forEach(a -> counts.merge(a.envelope().messageId(), 1, Integer::sum));
        jdbc.update("""
                update message m set duplicates = m.duplicates + x.n, updated_at = ?::timestamptz
                from unnest(?::varchar[], ?::int[]) as x(id, n) where m.message_id = x.id""",
                now, counts.keySet().toArray(String[]::new), counts.values().toArray(Integer[]::new));
        insertStages(now, messages.stream().map(a -> stageRow(a.envelope().messageId(), "DUPLICATE", "OK", null, a.raw()))
                .toList());
    }

    @Override
    @Transactional
    public List<Admission> admit(List<Admittance> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        String now = now();
        // The same id twice in one batch: the first claims, the others are duplicates (and PostgreSQL
        // cannot upsert one row twice in one statement).
        Map<String, Admittance> firsts = new java.util.LinkedHashMap<>();
        batch.forEach(a -> firsts.putIfAbsent(a.envelope().messageId(), a));
        List<Admittance> distinct = new ArrayList<>(firsts.values());
        Set<String> claimed = new HashSet<>(jdbc.queryForList("""
                insert into message (message_id, partner, message_type, entity, business_key, status, source_version,
                                     correlation_id, mapping_id, mapping_version, raw_topic, raw_partition, raw_offset,
                                     occurred_at, lineage, causation_id, received_at, updated_at)
                select x.m, x.p, x.t, x.e, x.k, 'ADMITTED', x.sv, x.c, x.mi, x.mv, x.rt, x.rp, x.ro, x.oa, x.lin::jsonb, x.cau,
                       ?::timestamptz, ?::timestamptz
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                            ?::varchar[], ?::varchar[], ?::int[], ?::varchar[], ?::int[], ?::bigint[], ?::timestamptz[],
                            ?::text[], ?::varchar[])
                     as x(m, p, t, e, k, sv, c, mi, mv, rt, rp, ro, oa, lin, cau)
                on conflict (message_id) do update set status = 'ADMITTED', raw_topic = excluded.raw_topic,
                    raw_partition = excluded.raw_partition, raw_offset = excluded.raw_offset,
                    mapping_id = excluded.mapping_id, mapping_version = excluded.mapping_version,
                    lineage = excluded.lineage,
                    updated_at = excluded.updated_at
                where message.status = 'RECEIVED'
                   -- the same raw record again (the hub stopped before its offset was committed): claim it again
                   or (message.status = 'ADMITTED' and message.raw_topic = excluded.raw_topic
                       and message.raw_partition = excluded.raw_partition and message.raw_offset = excluded.raw_offset
                       and not exists (select 1 from publication p where p.message_id = message.message_id))
                returning message_id""", String.class, messageRowArgs(now, distinct)));
        List<Admission> admissions = new ArrayList<>(batch.size());
        Set<String> seen = new HashSet<>();
        List<Admittance> duplicates = new ArrayList<>();
        for (Admittance a : batch) {
            boolean isNew = claimed.contains(a.envelope().messageId()) && seen.add(a.envelope().messageId());
            admissions.add(isNew ? Admission.NEW : Admission.DUPLICATE);
            if (!isNew) {
                duplicates.add(a);
            }
        }
        countDuplicates(duplicates, now);
        return admissions;
    }

    /** A record counts as a duplicate only when it is another record than the one that was admitted. */
    private void countDuplicates(List<Admittance> duplicates, String now) {
        if (duplicates.isEmpty()) {
            return;
        }
        Map<String, KafkaLocation> admittedFrom = new HashMap<>();
        jdbc.query("select message_id, raw_topic, raw_partition, raw_offset from message where message_id = any(?::varchar[])",
                rs -> {
                    admittedFrom.put(rs.getString(1), new KafkaLocation(rs.getString(2), rs.getInt(3), rs.getLong(4)));
                }, (Object) duplicates.stream().map(a -> a.envelope().messageId()).toArray(String[]::new));
        // one with no raw record is the hub's own step taken again (a decision, a customs declaration), not a sender's
        duplicates(duplicates.stream().filter(a -> a.raw() != null && !a.raw().equals(admittedFrom.get(a.envelope().messageId())))
                .toList());
    }

    /** One statement: it commits on its own unless it runs in {@link #atomically}. */
    @Override
    public void published(List<Publication> batch) {
        if (batch.isEmpty()) {
            return;
        }
        String now = now();
        // published again after a crash (before the raw offsets were committed): where it is now
        jdbc.update("""
                insert into publication (message_id, canonical_topic, canonical_partition, canonical_offset, subscribers,
                                         published_at)
                select x.m, x.t, x.p, x.o, string_to_array(x.s, ','), ?::timestamptz
                from unnest(?::varchar[], ?::varchar[], ?::int[], ?::bigint[], ?::text[]) as x(m, t, p, o, s)
                on conflict (message_id) do update set canonical_topic = excluded.canonical_topic,
                    canonical_partition = excluded.canonical_partition, canonical_offset = excluded.canonical_offset,
                    subscribers = excluded.subscribers, published_at = excluded.published_at""",
                now, column(batch, Publication::messageId, String[]::new),
                column(batch, p -> p.canonical().topic(), String[]::new),
                column(batch, p -> p.canonical().partition(), Integer[]::new),
                column(batch, p -> p.canonical().offset(), Long[]::new),
                // partner ids have no commas (PartnerFileReader), and a text[] cannot be unnested by row
                column(batch, p -> String.join(",", p.subscribers()), String[]::new));
    }

    @Override
    @Transactional
    public void rejected(List<Rejection> named) {
        if (named.isEmpty()) {
            return;
        }
        String now = now();
        Map<String, Rejection> last = new java.util.LinkedHashMap<>();
        named.forEach(r -> last.put(r.messageId(), r));
        List<Rejection> batch = new ArrayList<>(last.values());
        jdbc.update("""
                insert into message (message_id, partner, message_type, status, raw_topic, raw_partition, raw_offset,
                                     last_error, received_at, updated_at)
                select x.m, x.p, x.t, 'FAILED', x.rt, x.rp, x.ro, x.err, ?::timestamptz, ?::timestamptz
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[], ?::text[])
                     as x(m, p, t, rt, rp, ro, err)
                on conflict (message_id) do update set status = 'FAILED', last_error = excluded.last_error,
                    duplicates = message.duplicates + 1, updated_at = excluded.updated_at""",
                now, now, column(batch, Rejection::messageId, String[]::new), column(batch, Rejection::partner, String[]::new),
                column(batch, r -> PrintableText.clean(r.messageType(), MESSAGE_TYPE_LENGTH), String[]::new),
                column(batch, r -> r.raw() == null ? null : r.raw().topic(), String[]::new),
                column(batch, r -> r.raw() == null ? null : r.raw().partition(), Integer[]::new),
                column(batch, r -> r.raw() == null ? null : r.raw().offset(), Long[]::new),
                column(batch, r -> error(r.reason()), String[]::new));
        insertStages(now, named.stream().map(r -> stageRow(r.messageId(), r.stage().name(), "FAILED", r.reason(), null))
                .toList());
    }

    @Override
    public DeliveryState deliveryState(String subscriber, List<DeliveryCandidate> read) {
        Set<String> settled = new HashSet<>();
        Set<String> blockedKeys = new HashSet<>();
        Set<String> withRows = new HashSet<>();
        if (read.isEmpty()) {
            return new DeliveryState(settled, blockedKeys, withRows);
        }
        jdbc.query("""
                select x.m, x.k,
                       d.status in ('DELIVERED', 'SKIPPED')
                           or (d.message_id is null and delivery_passed(?, x.t, x.p, x.o)) as settled,
                       d.message_id is not null as has_row,
                       exists (select 1 from delivery b where b.subscriber = ? and b.business_key = x.k
                               and b.status in ('RETRYING', 'HELD', 'FAILED', 'STOPPED')) as blocked
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[]) as x(m, k, t, p, o)
                left join delivery d on d.subscriber = ? and d.message_id = x.m""", rs -> {
                    if (rs.getBoolean(3)) {
                        settled.add(rs.getString(1));
                    }
                    if (rs.getBoolean(4)) {
                        withRows.add(rs.getString(1));
                    }
                    if (rs.getBoolean(5)) {
                        blockedKeys.add(rs.getString(2));
                    }
                }, subscriber, subscriber, column(read, DeliveryCandidate::messageId, String[]::new),
                column(read, DeliveryCandidate::businessKey, String[]::new),
                column(read, c -> c.canonical().topic(), String[]::new),
                column(read, c -> c.canonical().partition(), Integer[]::new),
                column(read, c -> c.canonical().offset(), Long[]::new), subscriber);
        return new DeliveryState(settled, blockedKeys, withRows);
    }

    /**
     * When every message went through at its first attempt, only the progress is written, by one statement
     * that commits as it runs: no transaction to begin and commit around it, one round trip fewer.
     */
    @Override
    public void recordDeliveries(String subscriber, List<DeliveryOutcome> outcomes, Set<String> withRows) {
        String now = now();
        List<DeliveryOutcome> rows = outcomes.stream()
                .filter(o -> o.status() != DeliveryStatus.DELIVERED || withRows.contains(o.messageId())).toList();
        if (rows.isEmpty()) {
            advance(subscriber, outcomes, now);
            return;
        }
        atomically(() -> {
            record(subscriber, rows, now);
            advance(subscriber, outcomes, now);
        });
    }

    @Override
    @Transactional
    public void recordRetries(String subscriber, List<DeliveryOutcome> outcomes) {
        record(subscriber, outcomes, now());
    }

    /** A delivered message updates its row if it has one; any other outcome is a row of its own. */
    private void record(String subscriber, List<DeliveryOutcome> outcomes, String now) {
        List<DeliveryOutcome> delivered = outcomes.stream().filter(o -> o.status() == DeliveryStatus.DELIVERED).toList();
        List<DeliveryOutcome> others = outcomes.stream().filter(o -> o.status() != DeliveryStatus.DELIVERED).toList();
        if (!delivered.isEmpty()) {
            // only the rows there are (a retry, a replay, a held message let go): the progress covers the rest
            jdbc.update("""
                    update delivery d set status = 'DELIVERED', attempts = x.a, http_status = x.h, last_error = null,
                        next_attempt_at = null, envelope = null, last_at = ?::timestamptz
                    from unnest(?::varchar[], ?::int[], ?::int[]) as x(m, a, h)
                    where d.subscriber = ? and d.message_id = x.m""",
                    now, column(delivered, DeliveryOutcome::messageId, String[]::new),
                    column(delivered, DeliveryOutcome::attempts, Integer[]::new),
                    column(delivered, DeliveryOutcome::httpStatus, Integer[]::new), subscriber);
        }
        if (!others.isEmpty()) {
            upsertDeliveries(subscriber, others, now);
        }
    }

    /** The subscriber's progress on each partition, up to the furthest of these outcomes; never back. */
    private void advance(String subscriber, List<DeliveryOutcome> outcomes, String now) {
        Map<TopicPartition, Long> furthest = new java.util.LinkedHashMap<>();
        for (DeliveryOutcome outcome : outcomes) {
            if (outcome.canonical() != null) {
                furthest.merge(new TopicPartition(outcome.canonical().topic(), outcome.canonical().partition()),
                        outcome.canonical().offset(), Math::max);
            }
        }
        if (furthest.isEmpty()) {
            return;
        }
        List<Map.Entry<TopicPartition, Long>> rows = new ArrayList<>(furthest.entrySet());
        jdbc.update("""
                insert into delivery_progress (subscriber, canonical_topic, canonical_partition, delivered_through, updated_at)
                select ?, x.t, x.p, x.o, ?::timestamptz from unnest(?::varchar[], ?::int[], ?::bigint[]) as x(t, p, o)
                on conflict (subscriber, canonical_topic, canonical_partition) do update
                    set delivered_through = greatest(delivery_progress.delivered_through, excluded.delivered_through),
                        updated_at = excluded.updated_at""",
                subscriber, now, column(rows, e -> e.getKey().topic(), String[]::new),
                column(rows, e -> e.getKey().partition(), Integer[]::new), column(rows, Map.Entry::getValue, Long[]::new));
    }

    private void upsertDeliveries(String subscriber, List<DeliveryOutcome> outcomes, String now) {
        jdbc.update("""
                insert into delivery (subscriber, message_id, business_key, canonical_topic, canonical_partition,
                                      canonical_offset, status, attempts, http_status, last_error, next_attempt_at,
                                      envelope, first_at, last_at)
                select ?, x.m, x.k, x.t, x.p, x.o, x.s, x.a, x.h, x.err, x.na, x.env, ?::timestamptz, ?::timestamptz
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::int[], ?::bigint[], ?::varchar[], ?::int[],
                            ?::int[], ?::text[], ?::timestamptz[], ?::bytea[])
                     as x(m, k, t, p, o, s, a, h, err, na, env)
                on conflict (subscriber, message_id) do update set status = excluded.status,
                    attempts = excluded.attempts, http_status = excluded.http_status, last_error = excluded.last_error,
                    next_attempt_at = excluded.next_attempt_at,
                    envelope = case when excluded.status in ('RETRYING', 'HELD', 'FAILED', 'STOPPED')
                                    then coalesce(excluded.envelope, delivery.envelope) end,
                    last_at = excluded.last_at""",
                subscriber, now, now, column(outcomes, DeliveryOutcome::messageId, String[]::new),
                column(outcomes, DeliveryOutcome::businessKey, String[]::new),
                column(outcomes, o -> o.canonical() == null ? null : o.canonical().topic(), String[]::new),
                column(outcomes, o -> o.canonical() == null ? null : o.canonical().partition(), Integer[]::new),
                column(outcomes, o -> o.canonical() == null ? null : o.canonical().offset(), Long[]::new),
                column(outcomes, o -> o.status().name(), String[]::new),
                column(outcomes, DeliveryOutcome::attempts, Integer[]::new),
                column(outcomes, DeliveryOutcome::httpStatus, Integer[]::new),
                column(outcomes, o -> error(o.error()), String[]::new),
                column(outcomes, o -> o.nextAttemptAt() == null ? null : o.nextAttemptAt().toString(), String[]::new),
                column(outcomes, o -> o.status().blocksItsKey() ? o.envelope() : null, byte[][]::new));
    }

    @Override
    @Transactional
    public List<DueRetry> claimDueRetries(int max, Duration lease) {
        String now = now();
        return jdbc.query("""
                update delivery d set next_attempt_at = ?::timestamptz
                from (select subscriber, message_id from delivery
                      where status = 'RETRYING' and next_attempt_at <= ?::timestamptz
                      order by next_attempt_at limit ? for update skip locked) due
                where d.subscriber = due.subscriber and d.message_id = due.message_id
                returning d.subscriber, d.message_id, d.business_key, d.canonical_topic, d.canonical_partition,
                          d.canonical_offset, d.attempts, d.envelope""",
                (rs, row) -> new DueRetry(rs.getString(1), rs.getString(2), rs.getString(3),
                        new KafkaLocation(rs.getString(4), rs.getInt(5), rs.getLong(6)), rs.getInt(7), rs.getBytes(8)),
                clock.instant().plus(lease).toString(), now, max);
    }

    @Override
    @Transactional
    public void releaseNextHeld(String subscriber, String businessKey) {
        jdbc.update("""
                update delivery set status = 'RETRYING', next_attempt_at = ?::timestamptz, last_at = ?::timestamptz
                where subscriber = ? and message_id = (
                    select message_id from delivery where subscriber = ? and business_key = ? and status = 'HELD'
                    order by canonical_partition, canonical_offset limit 1)
                and not exists (select 1 from delivery where subscriber = ? and business_key = ?
                                and status in ('RETRYING', 'FAILED', 'STOPPED'))""",
                now(), now(), subscriber, subscriber, businessKey, subscriber, businessKey);
    }

    private Object[] messageRowArgs(String now, List<Admittance> messages) {
        return new Object[] {now, now,
            column(messages, a -> a.envelope().messageId(), String[]::new),
            column(messages, a -> a.envelope().partner(), String[]::new),
            column(messages, Admittance::messageType, String[]::new),
            column(messages, a -> a.envelope().entity(), String[]::new),
            column(messages, a -> a.envelope().businessKey(), String[]::new),
            column(messages, a -> a.envelope().sourceVersion(), String[]::new),
            column(messages, a -> a.envelope().correlationId(), String[]::new),
            column(messages, a -> a.envelope().mapping() == null ? null : a.envelope().mapping().id(), String[]::new),
            column(messages, a -> a.envelope().mapping() == null ? null : a.envelope().mapping().version(), Integer[]::new),
            column(messages, a -> a.raw() == null ? null : a.raw().topic(), String[]::new),
            column(messages, a -> a.raw() == null ? null : a.raw().partition(), Integer[]::new),
            column(messages, a -> a.raw() == null ? null : a.raw().offset(), Long[]::new),
            column(messages, a -> occurredAt(a.envelope()), String[]::new),
            column(messages, a -> a.lineage() == null || a.lineage().isEmpty() ? null
                    : CanonicalJson.toText(a.lineage()), String[]::new),
            column(messages, a -> a.envelope().causationId(), String[]::new)};
    }

    private static String occurredAt(Envelope envelope) {
        return envelope.occurredAt() == null ? null : envelope.occurredAt().toInstant().toString();
    }

    /** A failure's text as the ledger keeps it: it may quote what a partner or a subscriber sent. */
    private static String error(String text) {
        return PrintableText.clean(text, PrintableText.MAX_REASON);
    }

    private static Object[] stageRow(String messageId, String stage, String status, String error, KafkaLocation at) {
        return new Object[] {messageId, stage, status, error(error), at == null ? null : at.topic(),
            at == null ? null : at.partition(), at == null ? null : at.offset()};
    }

    /**
     * One row per message and stage, however often the batch names it (a duplicate storm puts the
     * same message in one batch many times): PostgreSQL cannot upsert a row twice in one statement.
     */
    private void insertStages(String now, List<Object[]> named) {
        if (named.isEmpty()) {
            return;
        }
        Map<String, Object[]> byStage = new java.util.LinkedHashMap<>();
        for (Object[] row : named) {
            byStage.merge(row[0] + "\u0000" + row[1], withCount(row, 1),
                    (earlier, later) -> withCount(later, (Integer) earlier[7] + 1));
        }
        List<Object[]> rows = new ArrayList<>(byStage.values());
        jdbc.update(INSERT_STAGES, now, now,
                column(rows, r -> (String) r[0], String[]::new), column(rows, r -> (String) r[1], String[]::new),
                column(rows, r -> (String) r[2], String[]::new), column(rows, r -> (String) r[3], String[]::new),
                column(rows, r -> (String) r[4], String[]::new), column(rows, r -> (Integer) r[5], Integer[]::new),
                column(rows, r -> (Long) r[6], Long[]::new), column(rows, r -> (Integer) r[7], Integer[]::new));
    }

    private static Object[] withCount(Object[] row, int count) {
        Object[] counted = java.util.Arrays.copyOf(row, 8);
        counted[7] = count;
        return counted;
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, java.util.function.IntFunction<V[]> array) {
        V[] column = array.apply(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            column[i] = value.apply(rows.get(i));
        }
        return column;
    }

    private String now() {
        return clock.instant().toString();
    }

}
