package org.medhub.hub.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.routes.ledger.Admission;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Stage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The ledger in PostgreSQL: {@code message} says where each message is, {@code message_stage} how it got there. */
@Repository
public class JdbcLedger implements Ledger {

    static final String OK = "OK";
    static final String FAILED = "FAILED";
    static final String PENDING = "PENDING";

    /**
     * A message's status follows from its stages: FAILED while a delivery is failed, PUBLISHED while
     * one is pending, DELIVERED when every delivery is done. Computed in SQL so that a delivery
     * recorded before its publication (the consumer can be that fast) still ends right.
     */
    private static final String REFRESH_STATUS = """
            update message m set updated_at = ?, status = case
                when m.canonical_offset is null then m.status
                when exists (select 1 from message_stage s where s.message_id = m.message_id
                             and s.stage = 'DELIVERED' and s.status = 'FAILED') then 'FAILED'
                when exists (select 1 from message_stage s where s.message_id = m.message_id
                             and s.stage = 'DELIVERED' and s.status = 'PENDING') then 'PUBLISHED'
                when exists (select 1 from message_stage s where s.message_id = m.message_id
                             and s.stage = 'DELIVERED') then 'DELIVERED'
                else 'PUBLISHED' end
            where m.message_id = ?""";

    private static final String UPSERT_STAGE = """
            insert into message_stage (message_id, stage, subscriber, status, attempts, last_error,
                                       topic, kafka_partition, kafka_offset, http_status, first_at, last_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (message_id, stage, subscriber) do update set
                status = excluded.status, attempts = message_stage.attempts + excluded.attempts,
                last_error = excluded.last_error, topic = coalesce(excluded.topic, message_stage.topic),
                kafka_partition = coalesce(excluded.kafka_partition, message_stage.kafka_partition),
                kafka_offset = coalesce(excluded.kafka_offset, message_stage.kafka_offset),
                http_status = excluded.http_status, last_at = excluded.last_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Admission admit(Envelope envelope, String messageType, KafkaLocation raw) {
        Timestamp now = now();
        int inserted = jdbc.update("""
                insert into message (message_id, partner, message_type, entity, business_key, status, source_version,
                                     correlation_id, mapping_id, mapping_version, raw_topic, raw_partition, raw_offset,
                                     occurred_at, received_at, updated_at)
                values (?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (message_id) do nothing""",
                envelope.messageId(), envelope.partner(), messageType, envelope.entity(), envelope.businessKey(),
                envelope.sourceVersion(), envelope.correlationId(), envelope.mapping().id(), envelope.mapping().version(),
                raw.topic(), raw.partition(), raw.offset(),
                envelope.occurredAt() == null ? null : Timestamp.from(envelope.occurredAt().toInstant()), now, now);
        if (inserted == 1) {
            stage(envelope.messageId(), Stage.RECEIVED, "", OK, null, raw, null, now);
            stage(envelope.messageId(), Stage.MAPPED, "", OK, null, null, null, now);
            return Admission.NEW;
        }
        Boolean published = jdbc.queryForObject(
                "select canonical_offset is not null from message where message_id = ? for update",
                Boolean.class, envelope.messageId());
        if (!Boolean.TRUE.equals(published)) {
            return Admission.NEW; // admitted before, never published: the hub stopped in between
        }
        jdbc.update("update message set duplicates = duplicates + 1, updated_at = ? where message_id = ?",
                now, envelope.messageId());
        stage(envelope.messageId(), Stage.DUPLICATE, "", OK, null, raw, null, now);
        return Admission.DUPLICATE;
    }

    @Override
    @Transactional
    public void published(String messageId, KafkaLocation canonical, Collection<String> subscribers) {
        Timestamp now = now();
        jdbc.update("""
                update message set canonical_topic = ?, canonical_partition = ?, canonical_offset = ?,
                                   status = 'PUBLISHED', updated_at = ?
                where message_id = ?""",
                canonical.topic(), canonical.partition(), canonical.offset(), now, messageId);
        stage(messageId, Stage.PUBLISHED, "", OK, null, canonical, null, now);
        for (String subscriber : subscribers) {
            jdbc.update("""
                    insert into message_stage (message_id, stage, subscriber, status, attempts, first_at, last_at)
                    values (?, 'DELIVERED', ?, 'PENDING', 0, ?, ?) on conflict do nothing""",
                    messageId, subscriber, now, now);
        }
        jdbc.update(REFRESH_STATUS, now, messageId);
    }

    @Override
    @Transactional
    public void rejected(String messageId, String partner, String messageType, Stage stage, String reason,
            KafkaLocation raw) {
        Timestamp now = now();
        jdbc.update("""
                insert into message (message_id, partner, message_type, status, raw_topic, raw_partition, raw_offset,
                                     last_error, received_at, updated_at)
                values (?, ?, ?, 'FAILED', ?, ?, ?, ?, ?, ?)
                on conflict (message_id) do update set status = 'FAILED', last_error = excluded.last_error,
                    duplicates = message.duplicates + 1, updated_at = excluded.updated_at""",
                messageId, partner, messageType, raw == null ? null : raw.topic(), raw == null ? null : raw.partition(),
                raw == null ? null : raw.offset(), reason, now, now);
        if (stage != Stage.RECEIVED) {
            stage(messageId, Stage.RECEIVED, "", OK, null, raw, null, now);
        }
        stage(messageId, stage, "", FAILED, reason, null, null, now);
    }

    @Override
    public boolean isDelivered(String subscriber, String messageId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from message_stage where message_id = ? and stage = 'DELIVERED'
                               and subscriber = ? and status = 'OK')""", Boolean.class, messageId, subscriber));
    }

    @Override
    @Transactional
    public void delivered(String subscriber, String messageId, int attempts, int httpStatus) {
        Timestamp now = now();
        lockMessage(messageId);
        stage(messageId, Stage.DELIVERED, subscriber, OK, null, null, httpStatus, now, attempts);
        jdbc.update(REFRESH_STATUS, now, messageId);
    }

    @Override
    @Transactional
    public void deliveryFailed(String subscriber, String messageId, int attempts, String reason) {
        Timestamp now = now();
        lockMessage(messageId);
        stage(messageId, Stage.DELIVERED, subscriber, FAILED, reason, null, null, now, attempts);
        jdbc.update("update message set last_error = ? where message_id = ?", subscriber + ": " + reason, messageId);
        jdbc.update(REFRESH_STATUS, now, messageId);
    }

    private void stage(String messageId, Stage stage, String subscriber, String status, String error,
            KafkaLocation location, Integer httpStatus, Timestamp now) {
        stage(messageId, stage, subscriber, status, error, location, httpStatus, now, 1);
    }

    private void stage(String messageId, Stage stage, String subscriber, String status, String error,
            KafkaLocation location, Integer httpStatus, Timestamp now, int attempts) {
        jdbc.update(UPSERT_STAGE, messageId, stage.name(), subscriber, status, attempts, error,
                location == null ? null : location.topic(), location == null ? null : location.partition(),
                location == null ? null : location.offset(), httpStatus, now, now);
    }

    /**
     * Takes the message row first, as {@link #published} does: a delivery recorded while its publication
     * is being recorded (a fast subscriber) would otherwise lock stage and message rows in the opposite
     * order and deadlock.
     */
    private void lockMessage(String messageId) {
        jdbc.queryForList("select message_id from message where message_id = ? for update", String.class, messageId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
