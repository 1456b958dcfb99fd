package org.medhub.hub.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.hub.partner.LivePartners;
import org.medhub.hub.topics.KafkaConnection;
import org.medhub.hub.topics.KafkaRecords;
import org.medhub.routes.ledger.KafkaLocation;
import org.medhub.routes.partner.InboundMessageType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A message as a person compares it: the bytes the partner sent (as text in the message type's charset), the
 * canonical envelope the hub published, and what it changed in the record (the fields that differ from the version
 * before).
 */
@Component
class MessageContent {

    /** Longer texts are cut for the page; the bytes stay whole on Kafka. */
    static final int MAX_TEXT = 512 * 1024;

    private final KafkaConnection kafka;
    private final LivePartners partners;
    private final JdbcTemplate jdbc;

    MessageContent(KafkaConnection kafka, LivePartners partners, JdbcTemplate jdbc) {
        this.kafka = kafka;
        this.partners = partners;
        this.jdbc = jdbc;
    }

    /**
     * @param kept KEPT, GONE (retention removed it) or NOT_KEPT (refused before it was stored)
     * @param truncated the text is the first {@link #MAX_TEXT} characters
     */
    record Raw(String kept, String charset, int bytes, String text, boolean truncated) {}

    /** One field the message changed: its value in the version before and in this one (null where absent). */
    record FieldChange(String field, JsonNode before, JsonNode after) {}

    /**
     * @param canonical the envelope as published, null when never published or no longer kept; a deletion's is
     *     {@code {"deleted": true}}
     * @param changes against the record's version before this message's; every field when it made the record
     */
    record Content(Raw raw, JsonNode canonical, List<FieldChange> changes) {}

    Content of(MessageView message) {
        try (KafkaRecords records = new KafkaRecords(kafka)) {
            Raw raw = message.raw() == null ? new Raw("NOT_KEPT", null, 0, null, false)
                    : records.at(location(message.raw())).map(r -> raw(message, r)).orElse(new Raw("GONE", null, 0, null, false));
            JsonNode canonical = message.canonical() == null ? null : records.at(location(message.canonical()))
                    .map(r -> r.value() == null ? CanonicalJson.mapper().createObjectNode().put("deleted", true)
                            : read(r.value())).orElse(null);
            return new Content(raw, canonical, canonical == null ? List.of() : changes(canonical));
        }
    }

    private Raw raw(MessageView message, ConsumerRecord<String, byte[]> record) {
        Charset charset = partners.partner(message.partner()).flatMap(p -> p.messageType(message.messageType()))
                .map(InboundMessageType::charsetOrUtf8).orElse(StandardCharsets.UTF_8);
        String text;
        try {
            // what cannot be decoded shows as U+FFFD: the page says what the bytes hold, never fails on them
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(record.value())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            text = new String(record.value(), StandardCharsets.ISO_8859_1);
        }
        boolean cut = text.length() > MAX_TEXT;
        return new Raw("KEPT", charset.name(), record.value().length, cut ? text.substring(0, MAX_TEXT) : text, cut);
    }

    private List<FieldChange> changes(JsonNode envelope) {
        JsonNode after = envelope.path("payload");
        long version = envelope.path("version").asLong(0);
        JsonNode before = version <= 1 ? CanonicalJson.mapper().createObjectNode()
                : jdbc.queryForList("select record::text from record_version where entity = ? and business_key = ? and version = ?",
                        String.class, envelope.path("entity").asText(), envelope.path("businessKey").asText(), version - 1)
                        .stream().findFirst().map(MessageContent::read).orElse(CanonicalJson.mapper().createObjectNode());
        TreeSet<String> fields = new TreeSet<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(fields::add);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = before.get(field);
            JsonNode is = after.get(field);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(new FieldChange(field, was, is));
            }
        }
        return changes;
    }

    private static KafkaLocation location(MessageView.KafkaPlace place) {
        return new KafkaLocation(place.topic(), place.partition(), place.offset());
    }

    private static JsonNode read(byte[] bytes) {
        return read(new String(bytes, StandardCharsets.UTF_8));
    }

    private static JsonNode read(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (java.io.IOException e) {
            ObjectNode unreadable = CanonicalJson.mapper().createObjectNode();
            return unreadable.put("unreadable", e.getMessage());
        }
    }
}
