package org.medhub.hub.genealogy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.medhub.canonical.envelope.CanonicalJson;
import org.medhub.canonical.envelope.MessageIds;
import org.medhub.hub.topics.KafkaConnection;
import org.medhub.hub.topics.KafkaRecords;
import org.medhub.routes.ledger.KafkaLocation;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evidence of one batch in one archive, for an auditor: every version of the batch and of the records about it
 * (inspection results, releases, the consumptions that made it, its packing into cases and pallets), each message behind them as the partner sent it and
 * as the hub published it, with its ledger row and the mapping that read it, the conflicts and their signed
 * resolutions, and the audit trail's rows that name any of them. {@code manifest.json} lists every file with its
 * SHA-256; {@code manifest.sha256} is the manifest's own.
 */
public class EvidencePacks {

    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_HASH = "manifest.sha256";

    /** The records that speak of a batch, by the field that names it. */
    private static final Map<String, String> ABOUT_A_BATCH = Map.of("InspectionResult", "batch", "QualityRelease", "batch",
            "MaterialConsumption", "outputBatch", "Aggregation", "childBatch");

    private final JdbcTemplate jdbc;
    private final KafkaConnection kafka;

    public EvidencePacks(JdbcTemplate jdbc, KafkaConnection kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    /** @throws java.util.NoSuchElementException when the hub holds no such batch */
    public byte[] of(String batch) {
        if (jdbc.queryForList("select 1 from record_state where entity = 'Batch' and business_key = ?", batch).isEmpty()) {
            throw new java.util.NoSuchElementException("the hub holds no batch " + batch);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String[]> records = new ArrayList<>();
        records.add(new String[] {"Batch", batch});
        ABOUT_A_BATCH.forEach((entity, field) -> jdbc.queryForList(
                "select business_key from record_state where entity = ? and record->>? = ? order by business_key", String.class,
                entity, field, batch).forEach(key -> records.add(new String[] {entity, key})));
        List<String> messageIds = new ArrayList<>();
        for (String[] record : records) {
            List<Map<String, Object>> versions = jdbc.queryForList("""
                    select version, record::text as record, message_id, source, recorded_at from record_version
                    where entity = ? and business_key = ? order by version""", record[0], record[1]);
            ArrayNode json = CanonicalJson.mapper().createArrayNode();
            for (Map<String, Object> version : versions) {
                ObjectNode row = json.addObject();
                row.put("version", ((Number) version.get("version")).longValue());
                row.put("messageId", (String) version.get("message_id"));
                row.put("source", (String) version.get("source"));
                row.put("recordedAt", version.get("recorded_at").toString());
                row.set("record", read((String) version.get("record")));
                messageIds.add((String) version.get("message_id"));
            }
            files.put("records/" + record[0] + "/" + safe(record[1]) + ".json", pretty(json));
        }
        try (KafkaRecords topics = new KafkaRecords(kafka)) {
            for (Map<String, Object> message : jdbc.queryForList("""
                    select m.*, p.canonical_topic, p.canonical_partition, p.canonical_offset from message m
                    left join publication p on p.message_id = m.message_id
                    where m.message_id = any(?) order by m.received_at, m.message_id""", (Object) messageIds.toArray(String[]::new))) {
                String id = (String) message.get("message_id");
                ObjectNode ledger = CanonicalJson.mapper().createObjectNode();
                message.forEach((column, value) -> ledger.put(column, value == null ? null : value.toString()));
                files.put("messages/" + id + "/ledger.json", pretty(ledger));
                bytesAt(topics, message, "raw").ifPresent(raw -> files.put("messages/" + id + "/raw", raw));
                bytesAt(topics, message, "canonical").ifPresent(canonical -> files.put("messages/" + id + "/canonical.json",
                        canonical));
            }
        }
        List<Map<String, Object>> conflicts = jdbc.queryForList("""
                select id, entity, business_key, message_id, source, base_version, current_version, fields::text as fields,
                       status, resolution::text as resolution, resolved_by, resolved_at, reason, created_at
                from conflict where entity = 'Batch' and business_key = ? order by id""", batch);
        files.put("conflicts.json", pretty(CanonicalJson.mapper().valueToTree(stringValues(conflicts))));
        List<String> subjects = new ArrayList<>();
        conflicts.forEach(c -> subjects.add("conflict/" + c.get("id")));
        messageIds.forEach(id -> subjects.add("message/" + id));
        files.put("audit.json", pretty(CanonicalJson.mapper().valueToTree(stringValues(jdbc.queryForList("""
                select sequence, recorded_at, actor, action, subject, detail, previous_hash, hash from audit_event
                where subject = any(?) or strpos(detail, ?) > 0 order by sequence""",
                subjects.toArray(String[]::new), batch)))));
        files.put("mappings.json", pretty(CanonicalJson.mapper().valueToTree(stringValues(jdbc.queryForList("""
                select distinct partner, message_type, mapping_id, mapping_version from message
                where message_id = any(?) and mapping_id is not null order by mapping_id, mapping_version""",
                (Object) messageIds.toArray(String[]::new))))));
        return zip(batch, files);
    }

    /**
     * What is wrong with a pack: files the manifest does not list or whose hash differs, listed files missing, a manifest
     * whose own hash differs. Empty when it verifies.
     */
    public static List<String> verify(byte[] pack) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pack))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            return List.of("not a readable zip archive: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        byte[] manifest = files.remove(MANIFEST);
        byte[] manifestHash = files.remove(MANIFEST_HASH);
        if (manifest == null || manifestHash == null) {
            return List.of("no " + MANIFEST + " or " + MANIFEST_HASH);
        }
        if (!MessageIds.sha256Hex(manifest).equals(new String(manifestHash, StandardCharsets.US_ASCII).strip())) {
            problems.add(MANIFEST + ": its SHA-256 is not the one in " + MANIFEST_HASH);
        }
        JsonNode listed = CanonicalJson.fromBytes(manifest, JsonNode.class).path("files");
        for (JsonNode file : listed) {
            byte[] bytes = files.remove(file.path("path").asText());
            if (bytes == null) {
                problems.add(file.path("path").asText() + ": listed, missing");
            } else if (!MessageIds.sha256Hex(bytes).equals(file.path("sha256").asText())) {
                problems.add(file.path("path").asText() + ": its SHA-256 is not the manifest's");
            }
        }
        files.keySet().forEach(extra -> problems.add(extra + ": not in the manifest"));
        return problems;
    }

    private static byte[] zip(String batch, Map<String, byte[]> files) {
        ObjectNode manifest = CanonicalJson.mapper().createObjectNode();
        manifest.put("batch", batch);
        ArrayNode list = manifest.putArray("files");
        files.forEach((path, bytes) -> list.addObject().put("path", path).put("sha256", MessageIds.sha256Hex(bytes))
                .put("bytes", bytes.length));
        byte[] manifestBytes = pretty(manifest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
            put(zip, MANIFEST, manifestBytes);
            put(zip, MANIFEST_HASH, (MessageIds.sha256Hex(manifestBytes) + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void put(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static java.util.Optional<byte[]> bytesAt(KafkaRecords topics, Map<String, Object> message, String which) {
        String topic = (String) message.get(which + "_topic");
        if (topic == null) {
            return java.util.Optional.empty();
        }
        KafkaLocation at = new KafkaLocation(topic, ((Number) message.get(which + "_partition")).intValue(),
                ((Number) message.get(which + "_offset")).longValue());
        return topics.at(at).map(record -> record.value()).filter(value -> value != null);
    }

    private static List<Map<String, String>> stringValues(List<Map<String, Object>> rows) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, String> strings = new LinkedHashMap<>();
            row.forEach((k, v) -> strings.put(k, v == null ? null : v.toString()));
            out.add(strings);
        }
        return out;
    }

    /** A key as a file name: its slashes and anything unusual as '_'; Chinese text stays. */
    private static String safe(String key) {
        return key.replaceAll("[^\\p{L}\\p{N}._-]", "_");
    }

    private static JsonNode read(String json) {
        return CanonicalJson.fromBytes(json.getBytes(StandardCharsets.UTF_8), JsonNode.class);
    }

    private static byte[] pretty(JsonNode json) {
        try {
            return CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
