package org.medhub.canonical.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What travels on every medhub topic, whatever the entity: the canonical record plus where it came
 * from and which flow it belongs to.
 *
 * @param messageId stable id, the idempotency key everywhere: see {@link MessageIds}
 * @param businessKey the entity's natural key, also the Kafka record key
 * @param source the system that sent it (for a partner factory, the partner id)
 * @param sourceVersion the source's own version of the record, where it has one
 * @param baseVersion the hub version this update was based on, for conflict detection
 * @param version the hub's version of the record once this message is applied: what a partner bases its
 *     next update on (absent until the hub has applied it)
 * @param occurredAt business time, with the offset the source gave it (a factory's +08:00 stays +08:00)
 * @param receivedAt hub time, UTC
 * @param deleted the source deleted the record: the payload holds its business key alone, and the hub publishes
 *     the deletion as a tombstone (a null value under the key) on the entity's compacted topic
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Envelope(
        String messageId,
        String entity,
        int schemaVersion,
        String businessKey,
        String source,
        String partner,
        String sourceVersion,
        Long baseVersion,
        Long version,
        String correlationId,
        String causationId,
        OffsetDateTime occurredAt,
        Instant receivedAt,
        MappingRef mapping,
        JsonNode payload,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean deleted) {

    /** An envelope of a record as it is (not a deletion). */
    public Envelope(String messageId, String entity, int schemaVersion, String businessKey, String source, String partner,
            String sourceVersion, Long baseVersion, Long version, String correlationId, String causationId,
            OffsetDateTime occurredAt, Instant receivedAt, MappingRef mapping, JsonNode payload) {
        this(messageId, entity, schemaVersion, businessKey, source, partner, sourceVersion, baseVersion, version,
                correlationId, causationId, occurredAt, receivedAt, mapping, payload, false);
    }

    /** This envelope as the hub publishes it: the record as merged, at its new version. */
    public Envelope applied(JsonNode merged, long newVersion) {
        return new Envelope(messageId, entity, schemaVersion, businessKey, source, partner, sourceVersion, baseVersion,
                newVersion, correlationId, causationId, occurredAt, receivedAt, mapping, merged, deleted);
    }
}
