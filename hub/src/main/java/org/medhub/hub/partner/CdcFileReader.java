package org.medhub.hub.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.connectors.cdc.CapturedTable;
import org.medhub.connectors.cdc.SourceDatabase;
import org.medhub.connectors.transport.Secret;
import org.medhub.routes.cdc.CdcSource;
import org.medhub.routes.cdc.CdcTable;
import org.medhub.routes.cdc.Outbox;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingSpecReader;
import org.medhub.routes.mapping.SourceFormat;
import org.medhub.routes.mapping.SpecProblem;
import org.medhub.routes.partner.InboundMessageType;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerKind;

/**
 * Reads and checks one {@code config/cdc/<source>.yml}: a legacy database, its tables, and for each the entity its
 * rows are and which column fills which field. Each table becomes a message type of the source, its mapping a JSON
 * mapping over the change the feed writes ({@code $.row.<column>}), so the mapping engine, the dictionary and the
 * merge treat a row like any partner's record.
 */
final class CdcFileReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final MappingSpecReader MAPPINGS = new MappingSpecReader();
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern TABLE = Pattern.compile(COLUMN.pattern() + "\\." + COLUMN.pattern());
    private static final Pattern ROW_PATH = Pattern.compile("\\$\\.row\\.(" + COLUMN.pattern() + ")");
    /** {@code onDelete: tombstone}: a deleted row deletes the hub's record. */
    private static final String TOMBSTONE = "tombstone";
    private static final Set<String> TABLE_KEYS = Set.of("entity", "key", "version", "where", "onDelete", "fields");
    private static final Set<String> OUTBOX_TABLE_KEYS = Set.of("outbox", "routes");
    private static final Set<String> OUTBOX_KEYS = Set.of("id", "aggregateType", "aggregateId", "payload");
    private static final Set<String> ROUTE_KEYS = Set.of("entity", "version", "partial", "sourceId", "occurredAt", "fields",
            "records");
    private static final Duration DEFAULT_FLUSH = Duration.ofSeconds(1);

    private final UnaryOperator<String> placeholders;
    private final CredentialStore credentials;

    CdcFileReader(UnaryOperator<String> placeholders, CredentialStore credentials) {
        this.placeholders = placeholders;
        this.credentials = credentials;
    }

    /** A source that is switched off reads as empty: it is checked, not started. */
    Optional<PartnerFileReader.Read> read(Path file, List<ConfigProblem> problems) {
        String fileName = file.toString();
        ConfigReader in = new ConfigReader(fileName, problems, placeholders);
        Optional<JsonNode> read = in.yamlMap(file, "id, database and tables");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = read.get();
        int before = problems.size();
        in.onlyKeys(root, "", Set.of("id", "name", "kind", "enabled", "database", "offsetFlushInterval", "tables"));
        String id = in.fileId(root, file);
        String name = in.text(root, "", "name", false);
        PartnerKind kind = PartnerFileReader.kind(in, root, PartnerKind.ERP);
        boolean enabled = enabled(in, root);
        SourceDatabase database = database(in, root);
        Duration flush = ChannelReader.duration(in, root, "", "offsetFlushInterval", DEFAULT_FLUSH);
        Map<String, InboundMessageType> messageTypes = new LinkedHashMap<>();
        List<CdcTable> tables = tables(in, root, id, fileName, problems, messageTypes);
        if (problems.size() > before || !enabled) {
            return Optional.empty();
        }
        Partner partner = new Partner(id, name == null ? id : name, kind, null, messageTypes, List.of());
        InboundChannel channel = new InboundChannel(id, CdcSource.CHANNEL, null, new CdcSource(database, tables, flush));
        return Optional.of(new PartnerFileReader.Read(partner, Optional.empty(), List.of(channel)));
    }

    /** Read as text, so that a placeholder can switch a source on: {@code enabled: ${medhub.embedded.legacy-erp:false}}. */
    private static boolean enabled(ConfigReader in, JsonNode root) {
        String text = in.text(root, "", "enabled", false);
        if (text == null || text.equals("true")) {
            return true;
        }
        if (!text.equals("false")) {
            in.problem("enabled", "boolean", "'" + text + "' must be true or false");
        }
        return false;
    }


    private SourceDatabase database(ConfigReader in, JsonNode root) {
        JsonNode node = in.object(root, "", "database", true);
        if (node == null) {
            return null;
        }
        String path = "database";
        in.onlyKeys(node, path, SourceDatabase.DESCRIPTION.keys());
        String typeName = in.text(node, path, "type", true);
        SourceDatabase.Kind type = null;
        if (typeName != null) {
            type = Arrays.stream(SourceDatabase.Kind.values()).filter(k -> k.yamlName().equals(typeName)).findFirst()
                    .orElse(null);
            if (type == null) {
                in.problem(path + ".type", "enum", "'" + typeName + "' is not one of [postgresql, mysql, mariadb]");
            }
        }
        String host = in.text(node, path, "host", true);
        int port = node.has("port") ? in.integer(node, path, "port", false, 1) : type == null ? 0 : type.defaultPort();
        String databaseName = in.text(node, path, "database", true);
        String username = in.text(node, path, "username", true);
        Secret password = null;
        String reference = in.text(node, path, "password", false);
        if (reference != null) {
            CredentialStore.Outbound resolved = credentials.outbound(reference);
            if (resolved.problem() != null) {
                in.problem(path + ".password", "credential-reference", resolved.problem());
            }
            password = resolved.secret();
        }
        ZoneId zone = ZoneId.of("UTC");
        String zoneName = in.text(node, path, "zone", false);
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                in.problem(path + ".zone", "zone", "'" + zoneName + "' is not a time zone (e.g. Asia/Shanghai, +08:00, UTC)");
            }
        }
        return new SourceDatabase(type, host, port, databaseName, username, password, zone);
    }


    private List<CdcTable> tables(ConfigReader in, JsonNode root, String source, String file, List<ConfigProblem> problems,
            Map<String, InboundMessageType> messageTypes) {
        List<CdcTable> tables = new ArrayList<>();
        JsonNode node = in.object(root, "", "tables", true);
        if (node == null) {
            return tables;
        }
        if (node.isEmpty()) {
            in.problem("tables", "required", "name at least one table, as schema.table (PostgreSQL) or database.table (MySQL)");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String path = "tables." + name;
            if (!TABLE.matcher(name).matches()) {
                in.problem(path, "table-name", "'" + name + "' must be schema.table (PostgreSQL) or database.table (MySQL)");
                continue;
            }
            if (!entry.getValue().isObject()) {
                in.problem(path, "type", "must be a map with entity, key and fields");
                continue;
            }
            Optional<ReadTable> read = entry.getValue().has("outbox")
                    ? outbox(in, entry.getValue(), name, path, source, file, problems)
                    : table(in, entry.getValue(), name, path, source, file, problems);
            read.ifPresent(table -> {
                tables.add(table.table());
                table.mappings().forEach((messageType, mapping) -> messageTypes.put(messageType,
                        new InboundMessageType(messageType, SourceFormat.JSON.yamlName(), StandardCharsets.UTF_8, mapping)));
            });
        }
        return tables;
    }

    /** A table, and the mapping of each message type it makes (a table of rows one, an outbox one per route). */
    private record ReadTable(CdcTable table, Map<String, MappingSpec> mappings) {}

    private Optional<ReadTable> table(ConfigReader in, JsonNode node, String name, String path, String source, String file,
            List<ConfigProblem> problems) {
        int before = problems.size();
        in.onlyKeys(node, path, TABLE_KEYS);
        String entityName = in.text(node, path, "entity", true);
        Optional<EntityDefinition> entity = entityName == null ? Optional.empty() : DataDictionary.standard().entity(entityName);
        if (entityName != null && entity.isEmpty()) {
            in.problem(path + ".entity", "entity", "'" + entityName + "' is not an entity of the data dictionary");
        }
        List<String> key = columns(in, node, path, "key", true);
        int version = node.has("version") ? in.integer(node, path, "version", false, 1) : 1;
        Map<String, Set<String>> where = where(in, node, path);
        boolean tombstone = TOMBSTONE.equals(node.path("onDelete").asText(null));
        Map<String, Object> onDelete = tombstone ? Map.of() : onDelete(in, node, path);
        if (tombstone && entity.isPresent() && !"master".equals(entity.get().kind())) {
            in.problem(path + ".onDelete", "tombstone", "a tombstone deletes a record of master data from its compacted"
                    + " topic; " + entityName + " records are events, kept for a time and never deleted: map the delete"
                    + " with {column: value}, or leave onDelete out");
        }
        JsonNode fields = in.object(node, path, "fields", true);
        if (fields == null || entity.isEmpty()) {
            return Optional.empty();
        }
        Set<String> mapped = new TreeSet<>();
        Map<String, Set<String>> columnsOfField = new LinkedHashMap<>();
        ObjectNode rules = YAML.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode rule = rule(in, field.getValue(), path + ".fields." + field.getKey());
            if (rule != null) {
                rules.set(field.getKey(), rule);
                Set<String> columns = new TreeSet<>();
                Matcher m = ROW_PATH.matcher(rule.toString());
                while (m.find()) {
                    columns.add(m.group(1));
                }
                mapped.addAll(columns);
                columnsOfField.put(field.getKey(), columns);
            }
        }
        mapped.addAll(where.keySet()); // a filter column gone would leave every row out unseen
        if (problems.size() > before) {
            return Optional.empty();
        }
        Set<String> identity = new LinkedHashSet<>(key);
        for (String keyField : entity.get().businessKey().fields()) {
            identity.addAll(columnsOfField.getOrDefault(keyField, Set.of()));
        }
        ObjectNode mapping = YAML.createObjectNode();
        mapping.put("id", mappingId(source, name));
        mapping.put("version", version);
        mapping.put("entity", entityName);
        // an update carries the columns it changed: a field left out is not missing
        mapping.put("partial", true);
        if (tombstone) {
            mapping.put("deleted", "$.deleted");
        }
        mapping.set("fields", rules);
        return mapping(mapping, file, path, problems).map(spec -> new ReadTable(new CdcTable(
                new CapturedTable(name, key, mapped), identity, where, onDelete, tombstone, null), Map.of(name, spec)));
    }

    /**
     * An outbox table: its event columns (defaults {@code id}, {@code aggregatetype}, {@code aggregateid},
     * {@code payload}) and a route per aggregate type, each a mapping of the event ({@code $.payload...},
     * {@code $.aggregateId}) whose message type is {@code <table>/<aggregate type>}.
     */
    private Optional<ReadTable> outbox(ConfigReader in, JsonNode node, String name, String path, String source, String file,
            List<ConfigProblem> problems) {
        int before = problems.size();
        in.onlyKeys(node, path, OUTBOX_TABLE_KEYS);
        JsonNode columns = node.get("outbox");
        if (!columns.isObject() && !columns.isNull()) {
            in.problem(path + ".outbox", "type", "must map id, aggregateType, aggregateId and payload to columns (or be"
                    + " empty for the defaults)");
            return Optional.empty();
        }
        if (columns.isObject()) {
            in.onlyKeys(columns, path + ".outbox", OUTBOX_KEYS);
        }
        String id = column(in, columns, path + ".outbox", "id", "id");
        String type = column(in, columns, path + ".outbox", "aggregateType", "aggregatetype");
        String aggregateId = column(in, columns, path + ".outbox", "aggregateId", "aggregateid");
        String payload = column(in, columns, path + ".outbox", "payload", "payload");
        JsonNode routes = in.object(node, path, "routes", true);
        Map<String, String> messageTypes = new LinkedHashMap<>();
        Map<String, MappingSpec> mappings = new LinkedHashMap<>();
        if (routes != null) {
            if (routes.isEmpty()) {
                in.problem(path + ".routes", "required", "name at least one aggregate type and its mapping");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = routes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> route = it.next();
                String routePath = path + ".routes." + route.getKey();
                if (!route.getValue().isObject()) {
                    in.problem(routePath, "type", "must be a mapping of the event: entity and fields ($.payload...)");
                    continue;
                }
                in.onlyKeys(route.getValue(), routePath, ROUTE_KEYS);
                ObjectNode mapping = ((ObjectNode) route.getValue()).deepCopy();
                mapping.put("id", mappingId(source, name + "-" + route.getKey()));
                if (!mapping.has("version")) {
                    mapping.put("version", 1);
                }
                String messageType = name + "/" + route.getKey();
                mapping(mapping, file, routePath, problems).ifPresent(spec -> {
                    messageTypes.put(route.getKey(), messageType);
                    mappings.put(messageType, spec);
                });
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Set<String> eventColumns = new TreeSet<>(List.of(id, type, aggregateId, payload));
        return Optional.of(new ReadTable(new CdcTable(new CapturedTable(name, List.of(id), eventColumns), Set.of(id),
                Map.of(), Map.of(), false, new Outbox(id, type, aggregateId, payload, messageTypes)), mappings));
    }

    private static String column(ConfigReader in, JsonNode node, String path, String key, String otherwise) {
        String column = node.isObject() ? in.text(node, path, key, false) : null;
        if (column == null) {
            return otherwise;
        }
        if (!COLUMN.matcher(column).matches()) {
            in.problem(path + "." + key, "column", "'" + column + "' is not a column name (letters, digits, _ and $)");
        }
        return column;
    }

    private static String mappingId(String source, String name) {
        return (source + "-" + name).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** The mapping of a change document (JSON): its message id from the document's id, its time the commit's. */
    private static Optional<MappingSpec> mapping(ObjectNode mapping, String file, String path, List<ConfigProblem> problems) {
        mapping.put("format", SourceFormat.JSON.yamlName());
        if (!mapping.has("sourceId")) {
            mapping.put("sourceId", "$.id");
        }
        if (!mapping.has("occurredAt")) {
            mapping.put("occurredAt", "$.committedAt");
        }
        List<SpecProblem> specProblems = new ArrayList<>();
        Optional<MappingSpec> spec = MAPPINGS.read(mapping, file, path, MappingSpecReader.Defaults.NONE, specProblems);
        specProblems.forEach(p -> problems.add(new ConfigProblem(p.file(), p.key(), p.rule(), p.message())));
        return spec;
    }

    /**
     * A field's rule in a change file: a column's name, or a map whose {@code column} names it beside the mapping
     * engine's transforms ({@code codes}, {@code default}, ...); inside {@code concat} and {@code when} a column is
     * {@code $.row.<column>}.
     */
    private static JsonNode rule(ConfigReader in, JsonNode rule, String path) {
        if (rule.isTextual()) {
            if (!COLUMN.matcher(rule.asText()).matches()) {
                in.problem(path, "column", "'" + rule.asText() + "' is not a column name (letters, digits, _ and $)");
                return null;
            }
            return YAML.getNodeFactory().textNode("$.row." + rule.asText());
        }
        if (!rule.isObject()) {
            in.problem(path, "type", "must be a column name, or a map with column and transforms (codes, default, ...)");
            return null;
        }
        ObjectNode copy = ((ObjectNode) rule).deepCopy();
        if (copy.has("path")) {
            in.problem(path + ".path", "column-not-path", "a change file names columns: write column: <name>");
            return null;
        }
        JsonNode column = copy.remove("column");
        if (column != null) {
            if (!column.isTextual() || !COLUMN.matcher(column.asText()).matches()) {
                in.problem(path + ".column", "column", "'" + column.asText() + "' is not a column name (letters, digits, _ and $)");
                return null;
            }
            copy.put("path", "$.row." + column.asText());
        }
        return copy;
    }

    private static List<String> columns(ConfigReader in, JsonNode node, String path, String key, boolean required) {
        List<String> columns = new ArrayList<>();
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                in.problem(path + "." + key, "required", "is required: the column(s) that identify a row, e.g. [matnr]");
            }
            return columns;
        }
        for (JsonNode column : value.isArray() ? value : List.of(value)) {
            if (!column.isTextual() || !COLUMN.matcher(column.asText()).matches()) {
                in.problem(path + "." + key, "column", "'" + column.asText() + "' is not a column name (letters, digits, _ and $)");
            } else {
                columns.add(column.asText());
            }
        }
        if (required && value.isArray() && value.isEmpty()) {
            in.problem(path + "." + key, "required", "name at least one column");
        }
        return columns;
    }

    private static Map<String, Set<String>> where(ConfigReader in, JsonNode node, String path) {
        Map<String, Set<String>> where = new LinkedHashMap<>();
        JsonNode value = node.get("where");
        if (value == null || value.isNull()) {
            return where;
        }
        if (!value.isObject()) {
            in.problem(path + ".where", "type", "must map columns to the values taken, e.g. {werks: [CN01, CN02]}");
            return where;
        }
        value.fields().forEachRemaining(condition -> {
            if (!COLUMN.matcher(condition.getKey()).matches()) {
                in.problem(path + ".where." + condition.getKey(), "column", "is not a column name");
                return;
            }
            Set<String> values = new LinkedHashSet<>();
            for (JsonNode v : condition.getValue().isArray() ? condition.getValue() : List.of(condition.getValue())) {
                values.add(v.asText());
            }
            where.put(condition.getKey(), values);
        });
        return where;
    }

    private static Map<String, Object> onDelete(ConfigReader in, JsonNode node, String path) {
        Map<String, Object> onDelete = new LinkedHashMap<>();
        JsonNode value = node.get("onDelete");
        if (value == null || value.isNull()) {
            return onDelete;
        }
        if (!value.isObject() || value.isEmpty()) {
            in.problem(path + ".onDelete", "type", "must be tombstone (the record is deleted) or map columns to the values"
                    + " a deleted row is taken to have, e.g. {status: DELETED}, which the table's mapping then maps");
            return onDelete;
        }
        value.fields().forEachRemaining(column -> {
            if (!COLUMN.matcher(column.getKey()).matches()) {
                in.problem(path + ".onDelete." + column.getKey(), "column", "is not a column name");
            } else if (!column.getValue().isValueNode()) {
                in.problem(path + ".onDelete." + column.getKey(), "type", "must be a single value");
            } else {
                onDelete.put(column.getKey(), YAML.convertValue(column.getValue(), Object.class));
            }
        });
        return onDelete;
    }
}
