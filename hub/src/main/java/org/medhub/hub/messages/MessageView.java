package org.medhub.hub.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Where a message is: what it is, its status across every subscriber, where its bytes are on Kafka, which mapping
 * rule made each field, and (in the detail) every stage it passed.
 *
 * @param sourceVersion the source's own id or version of the record: for a change feed, where the change is in the
 *     database's log ({@code lsn:...}, {@code binlog:file:pos:row})
 * @param status RECEIVED, ADMITTED, PUBLISHED, DELIVERED, FAILED, CONFLICT, UNCHANGED, RESOLVED, REPLAYED
 *     (it failed, and a replay or a correction mapped it again: see the message made from it) or DISCARDED (it failed
 *     and a person gave it up, signed)
 * @param duplicates how many times the same record arrived again
 * @param lastError why it failed, when it did
 * @param lineage for each canonical field, the mapping rule and source value that made it
 * @param causedBy the message this one was made from (a replay, a resolved conflict)
 * @param stages every stage with its attempts and error; only in the detail of one message
 * @param madeInto the messages made from this one (its replays, its correction, a conflict's resolution); only in
 *     the detail
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(
        String messageId,
        String partner,
        String messageType,
        String entity,
        String businessKey,
        String sourceVersion,
        String status,
        int duplicates,
        String lastError,
        MappingVersion mapping,
        KafkaPlace raw,
        KafkaPlace canonical,
        Instant occurredAt,
        String causedBy,
        JsonNode lineage,
        Instant receivedAt,
        Instant publishedAt,
        Instant updatedAt,
        List<StageView> stages,
        List<String> madeInto) {

    /** The mapping (and its version) that made the canonical record. */
    public record MappingVersion(String id, int version) {}

    /** A record's place on Kafka. */
    public record KafkaPlace(String topic, int partition, long offset) {}

    /**
     * One stage of a message: received, mapped, published, an ownership flag, a duplicate, or its delivery to one
     * subscriber.
     *
     * @param status OK, FAILED, FLAGGED, PENDING, or a delivery's status
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StageView(String stage, String subscriber, String status, int attempts, String error, KafkaPlace kafka,
            Integer httpStatus, Instant nextAttemptAt, Instant firstAt, Instant lastAt) {}

    MessageView withStages(List<StageView> all, List<String> made) {
        return new MessageView(messageId, partner, messageType, entity, businessKey, sourceVersion, status, duplicates, lastError, mapping,
                raw, canonical, occurredAt, causedBy, lineage, receivedAt, publishedAt, updatedAt, all, made);
    }

    /**
     * Messages that fit a filter, newest first, without their stages and lineage.
     *
     * @param next for the next page, {@code before=} this; null on the last page
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageList(List<MessageView> messages, int count, String next) {}
}
