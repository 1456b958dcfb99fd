package org.medhub.hub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.canonical.dictionary.RecordValidator;
import org.medhub.canonical.dictionary.SystemOfRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.Envelope;
import org.medhub.canonical.envelope.MappingRef;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.audit.AuditTrail;
import org.medhub.routes.kafka.KafkaWriter;
import org.medhub.routes.kafka.Topics;
import org.medhub.routes.ledger.Admittance;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.ledger.Ledger;
import org.medhub.routes.ledger.Publication;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.pipeline.Subscribers;
import org.medhub.routes.sync.FieldConflict;
import org.medhub.routes.sync.MergeResult;
import org.medhub.routes.sync.RecordMerge;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's decision on a conflict becomes the next version of the record: the incoming update's
 * changes that merge cleanly, and for each conflicting field the value decided. It is audited with
 * who signed it and why, and published from the hub to every subscriber, the conflicting source too.
 */
@Component
class ConflictResolution {

    static final String MEANING = "resolution of a conflicting update";

    private final JdbcTemplate jdbc;
    private final Ledger ledger;
    private final KafkaWriter kafka;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final Clock clock;

    ConflictResolution(JdbcTemplate jdbc, Ledger ledger, KafkaWriter kafka, PartnerDirectory partners, AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.kafka = kafka;
        this.partners = partners;
        this.audit = audit;
        this.clock = clock;
    }

    /** The value of each conflicting field: {@code current}, {@code incoming}, or a value a person typed. */
    /** @param meaning what the resolver's signature means: REVIEW, APPROVAL or RESPONSIBILITY */
    record Decision(String take, Map<String, JsonNode> fields, String reason, String meaning) {

        JsonNode valueFor(FieldConflict conflict) {
            JsonNode choice = fields == null ? null : fields.get(conflict.field());
            if (choice == null) {
                if (take == null) {
                    throw new IllegalArgumentException("no decision for field " + conflict.field()
                            + ": give \"take\": current|incoming, or fields." + conflict.field());
                }
                return pick(take, conflict);
            }
            if (choice.isTextual()) {
                return pick(choice.asText(), conflict);
            }
            if (choice.isObject() && choice.has("value")) {
                return choice.get("value");
            }
            throw new IllegalArgumentException("fields." + conflict.field() + " must be current, incoming or {\"value\": …}");
        }

        private static JsonNode pick(String which, FieldConflict conflict) {
            return switch (which) {
                case "current" -> conflict.current();
                case "incoming" -> conflict.incoming();
                default -> throw new IllegalArgumentException("'" + which + "' is not current or incoming");
            };
        }
    }

    record Resolved(long conflictId, String messageId, long version, ObjectNode record) {}

    /**
     * @throws IllegalStateException when the conflict is not open
     * @throws IllegalArgumentException when a decision is missing or malformed
     * @throws org.medhub.canonical.validation.InvalidRecordException when the decided record breaks the dictionary
     */
    @Transactional
    Resolved resolve(long id, Decision decision, String resolver) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select entity, business_key, status, base_version, envelope from conflict where id = ? for update", id);
        if (rows.isEmpty()) {
            throw new java.util.NoSuchElementException("no conflict " + id);
        }
        Map<String, Object> row = rows.get(0);
        if (!"OPEN".equals(row.get("status"))) {
            throw new IllegalStateException("conflict " + id + " is " + row.get("status") + ", not OPEN");
        }
        Envelope incoming = CanonicalJson.fromBytes((byte[]) row.get("envelope"), Envelope.class);
        EntityDefinition entity = DataDictionary.standard().entity(incoming.entity()).orElseThrow();
        Map<String, Object> state = jdbc.queryForMap("""
                select version, record::text as record, writers::text as writers from record_state
                where entity = ? and business_key = ? for update""", incoming.entity(), incoming.businessKey());
        ObjectNode current = JdbcRecordSync.object((String) state.get("record"));
        ObjectNode base = row.get("base_version") == null ? null : JdbcRecordSync.object(jdbc.queryForObject(
                "select record::text from record_version where entity = ? and business_key = ? and version = ?",
                String.class, incoming.entity(), incoming.businessKey(), row.get("base_version")));
        // merged again against the current version: it may have moved on since the conflict was queued
        MergeResult merge = RecordMerge.merge(entity, current, base, (ObjectNode) incoming.payload(), SystemOfRecord.HUB);
        ObjectNode record = merge.merged();
        Map<String, Object> decided = new LinkedHashMap<>();
        for (FieldConflict conflict : merge.conflicts()) {
            JsonNode value = decision.valueFor(conflict);
            if (value == null || value.isNull()) {
                record.remove(conflict.field());
            } else {
                record.set(conflict.field(), value);
            }
            decided.put(conflict.field(), value);
        }
        RecordValidator.requireValid(entity, record);

        long version = ((Number) state.get("version")).longValue() + 1;
        String now = clock.instant().toString();
        ObjectNode writers = JdbcRecordSync.object((String) state.get("writers"));
        merge.changed().forEach(f -> writers.put(f, JdbcRecordSync.HUB));
        decided.keySet().forEach(f -> writers.put(f, JdbcRecordSync.HUB));
        String messageId = MessageIds.fromSourceId(JdbcRecordSync.HUB, entity.name(), "conflict-" + id);
        Envelope resolution = new Envelope(messageId, entity.name(), entity.version(), incoming.businessKey(),
                JdbcRecordSync.HUB, JdbcRecordSync.HUB, null, null, version, incoming.correlationId(), incoming.messageId(),
                incoming.occurredAt(), clock.instant(), new MappingRef("conflict-resolution", 1), record);
        jdbc.update("""
                insert into record_version (entity, business_key, version, record, message_id, source, recorded_at)
                values (?, ?, ?, ?::jsonb, ?, ?, ?::timestamptz)""",
                entity.name(), incoming.businessKey(), version, record.toString(), messageId, JdbcRecordSync.HUB, now);
        jdbc.update("""
                update record_state set version = ?, record = ?::jsonb, writers = ?::jsonb, message_id = ?,
                    updated_at = ?::timestamptz where entity = ? and business_key = ?""",
                version, record.toString(), writers.toString(), messageId, now, entity.name(), incoming.businessKey());
        jdbc.update("""
                update conflict set status = 'RESOLVED', resolution = ?::jsonb, resolved_by = ?, resolved_at = ?::timestamptz,
                    reason = ? where id = ?""",
                CanonicalJson.mapper().valueToTree(decided).toString(), resolver, now, decision.reason(), id);
        jdbc.update("update message set status = 'RESOLVED', updated_at = ?::timestamptz where message_id = ?",
                now, incoming.messageId());
        audit.record(resolver, "conflict.resolve", "conflict/" + id, Map.of(
                "entity", entity.name(), "businessKey", incoming.businessKey(), "decided", decided,
                "reason", decision.reason(), "version", version, "action", MEANING, "meaning", decision.meaning(),
                "printedName", resolver, "signedAt", now,
                // the signature is bound to the record it put in force: copied to another, the hash would not match
                "contentSha256", MessageIds.sha256Hex(CanonicalJson.sortedBytes(record))));

        Map<String, String> lineage = new LinkedHashMap<>();
        decided.keySet().forEach(f -> lineage.put(f, "decided by " + resolver + " in conflict " + id + ": " + decision.reason()));
        ledger.admit(List.of(new Admittance(resolution, "conflict-resolution", null, lineage)));
        String topic = Topics.canonical(entity.topic());
        // written before the transaction commits: if Kafka refuses, nothing of the decision stands
        KafkaLocation location = kafka.write(new ProducerRecord<>(topic, resolution.businessKey(),
                CanonicalJson.toBytes(resolution)));
        ledger.published(List.of(new Publication(messageId, location,
                Subscribers.of(partners, entity.name(), JdbcRecordSync.HUB))));
        return new Resolved(id, messageId, version, record);
    }
}
