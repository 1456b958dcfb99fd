package org.medhub.hub.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.dictionary.EntityDefinition;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.mapping.FieldRule;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.partner.InboundMessageType;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerKind;
import org.medhub.routes.partner.Subscription;

/** Reads and checks one {@code config/partners/<id>.yml}. */
final class PartnerFileReader {

    /** Ids become topic names, consumer groups and URL segments: keep them to safe characters. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> FORMATS = Set.of("json");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final UnaryOperator<String> placeholders;
    private final CredentialStore credentials;
    private final Set<String> resilienceProfiles;
    private final SimulatedSystems simulators;
    private final ChannelReader channels;

    /** @param defaultMaxFileBytes the limit of a file channel without {@code maxFileSize} */
    PartnerFileReader(UnaryOperator<String> placeholders, CredentialStore credentials, Set<String> resilienceProfiles,
            SimulatedSystems simulators, long defaultMaxFileBytes) {
        this.placeholders = placeholders;
        this.credentials = credentials;
        this.resilienceProfiles = resilienceProfiles;
        this.simulators = simulators;
        this.channels = new ChannelReader(credentials, defaultMaxFileBytes);
    }

    record Read(Partner partner, Optional<byte[]> credentialDigest, List<InboundChannel> channels) {}

    Optional<Read> read(Path file, List<ConfigProblem> problems) {
        String fileName = file.toString();
        ConfigReader in = new ConfigReader(fileName, problems, placeholders);
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            in.problem("", "yaml", "not readable as YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            in.problem("", "yaml", "must be a YAML map with at least an id");
            return Optional.empty();
        }
        int before = problems.size();
        in.onlyKeys(root, "", Set.of("id", "name", "kind", "credential", "inbound", "channels", "subscriptions"));
        String id = in.text(root, "", "id", true);
        String expectedId = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (id != null && !ID.matcher(id).matches()) {
            in.problem("id", "id-format", "'" + id + "' must be lower-case letters, digits and dashes, at most 63");
        } else if (id != null && !id.equals(expectedId)) {
            in.problem("id", "id-matches-file", "'" + id + "' must equal the file name, " + expectedId);
        }
        String name = in.text(root, "", "name", false);
        PartnerKind kind = kind(in, root);
        Map<String, InboundMessageType> messageTypes = inbound(in, root);
        List<Subscription> subscriptions = subscriptions(in, root, id);
        List<InboundChannel> inboundChannels = channels.read(in, root, id, messageTypes);

        String credentialRef = in.text(root, "", "credential", !messageTypes.isEmpty());
        Optional<byte[]> digest = Optional.empty();
        if (credentialRef != null) {
            CredentialStore.Resolution resolution = credentials.resolve(credentialRef);
            if (resolution.problem() != null) {
                in.problem("credential", "credential-reference", resolution.problem());
            }
            digest = resolution.digest();
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Read(new Partner(id, name == null ? id : name, kind, credentialRef, messageTypes,
                subscriptions), digest, List.copyOf(inboundChannels)));
    }

    private static PartnerKind kind(ConfigReader in, JsonNode root) {
        String kind = in.text(root, "", "kind", true);
        if (kind == null) {
            return null;
        }
        try {
            return PartnerKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            in.problem("kind", "enum", "'" + kind + "' is not one of " + Arrays.toString(PartnerKind.values()));
            return null;
        }
    }

    private Map<String, InboundMessageType> inbound(ConfigReader in, JsonNode root) {
        Map<String, InboundMessageType> types = new LinkedHashMap<>();
        JsonNode inbound = in.object(root, "", "inbound", false);
        if (inbound == null) {
            return types;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = inbound.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "inbound." + entry.getKey();
            if (!ID.matcher(entry.getKey()).matches()) {
                in.problem(path, "id-format", "a message type name must be lower-case letters, digits and dashes");
            }
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                in.problem(path, "type", "must be a map with format and mapping");
                continue;
            }
            in.onlyKeys(node, path, Set.of("format", "charset", "mapping"));
            String format = in.text(node, path, "format", true);
            if (format != null && !FORMATS.contains(format)) {
                in.problem(path + ".format", "enum", "'" + format + "' is not one of " + FORMATS);
            }
            Charset charset = charset(in, path, in.text(node, path, "charset", false));
            JsonNode mapping = in.object(node, path, "mapping", true);
            MappingSpec spec = mapping == null ? null : mapping(in, mapping, path + ".mapping");
            types.put(entry.getKey(), new InboundMessageType(entry.getKey(), format, charset, spec));
        }
        return types;
    }

    private static Charset charset(ConfigReader in, String path, String name) {
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            in.problem(path + ".charset", "charset", "'" + name + "' is not a character set this Java knows (e.g. UTF-8, GB18030, GBK)");
            return null;
        }
    }

    private MappingSpec mapping(ConfigReader in, JsonNode node, String path) {
        in.onlyKeys(node, path, Set.of("id", "version", "entity", "sourceId", "occurredAt", "fields"));
        String id = in.text(node, path, "id", true);
        String version = in.text(node, path, "version", true);
        int versionNumber = 0;
        if (version != null) {
            try {
                versionNumber = Integer.parseInt(version);
            } catch (NumberFormatException e) {
                in.problem(path + ".version", "integer", "'" + version + "' must be a whole number");
            }
        }
        String entityName = in.text(node, path, "entity", true);
        EntityDefinition entity = entityName == null ? null : DataDictionary.standard().entity(entityName).orElse(null);
        if (entityName != null && entity == null) {
            in.problem(path + ".entity", "dictionary-entity", "'" + entityName + "' is not an entity of the data dictionary");
        }
        String sourceId = jsonPath(in, node, path, "sourceId");
        String occurredAt = jsonPath(in, node, path, "occurredAt");
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        JsonNode fieldsNode = in.object(node, path, "fields", true);
        if (fieldsNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fieldsNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String fieldPath = path + ".fields." + field.getKey();
                if (entity != null && entity.leafType(field.getKey()).isEmpty()) {
                    in.problem(fieldPath, "dictionary-field", "'" + field.getKey() + "' is not a value of "
                            + entity.name() + " (a field, or a part such as quantity.value); its fields are "
                            + entity.fields().keySet());
                }
                fields.put(field.getKey(), fieldRule(in, field.getValue(), fieldPath));
            }
        }
        return new MappingSpec(id, versionNumber, entityName, sourceId, occurredAt, fields);
    }

    private FieldRule fieldRule(ConfigReader in, JsonNode node, String path) {
        if (node.isTextual()) {
            return FieldRule.path(checkedPath(in, path, node.asText()));
        }
        if (!node.isObject()) {
            in.problem(path, "type", "must be a JSONPath, or a map with path, default and codes");
            return null;
        }
        in.onlyKeys(node, path, Set.of("path", "default", "codes"));
        String jsonPath = jsonPath(in, node, path, "path");
        String defaultValue = in.text(node, path, "default", false);
        if (jsonPath == null && defaultValue == null) {
            in.problem(path, "path-or-default", "needs a path, a default, or both");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        JsonNode codesNode = in.object(node, path, "codes", false);
        if (codesNode != null) {
            codesNode.fields().forEachRemaining(code -> codes.put(code.getKey(), code.getValue().asText()));
        }
        return new FieldRule(jsonPath, defaultValue, codes);
    }

    private String jsonPath(ConfigReader in, JsonNode node, String path, String key) {
        String value = in.text(node, path, key, false);
        return value == null ? null : checkedPath(in, ConfigReader.join(path, key), value);
    }

    private static String checkedPath(ConfigReader in, String key, String path) {
        if (!path.startsWith("$")) {
            in.problem(key, "jsonpath", "'" + path + "' must be a JSONPath starting with $");
            return null;
        }
        try {
            JsonPath.compile(path);
            return path;
        } catch (InvalidPathException e) {
            in.problem(key, "jsonpath", "'" + path + "' is not a valid JSONPath: " + e.getMessage());
            return null;
        }
    }

    private List<Subscription> subscriptions(ConfigReader in, JsonNode root, String partnerId) {
        List<Subscription> subscriptions = new ArrayList<>();
        JsonNode list = root.get("subscriptions");
        if (list == null || list.isNull()) {
            return subscriptions;
        }
        if (!list.isArray()) {
            in.problem("subscriptions", "type", "must be a list");
            return subscriptions;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "subscriptions[" + i + "]";
            JsonNode node = list.get(i);
            if (!node.isObject()) {
                in.problem(path, "type", "must be a map with entity, url and resilience");
                continue;
            }
            in.onlyKeys(node, path, Set.of("entity", "url", "resilience"));
            String entity = in.text(node, path, "entity", true);
            if (entity != null && DataDictionary.standard().entity(entity).isEmpty()) {
                in.problem(path + ".entity", "dictionary-entity", "'" + entity + "' is not an entity of the data dictionary");
            }
            URI url = url(in, path + ".url", in.text(node, path, "url", true));
            String resilience = in.text(node, path, "resilience", true);
            if (resilience != null && !resilienceProfiles.contains(resilience)) {
                in.problem(path + ".resilience", "resilience-profile", "'" + resilience
                        + "' is not a configured profile (resilience4j.retry.instances): " + resilienceProfiles);
            }
            subscriptions.add(new Subscription(partnerId, entity, url, resilience));
        }
        return subscriptions;
    }

    private URI url(ConfigReader in, String key, String value) {
        if (value == null) {
            return null;
        }
        if (value.startsWith(SimulatedSystems.SCHEME)) {
            try {
                return simulators.resolve(value);
            } catch (IllegalArgumentException e) {
                in.problem(key, "simulator", e.getMessage());
                return null;
            }
        }
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                in.problem(key, "http-url", "'" + value + "' must be an absolute http or https URL");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            in.problem(key, "http-url", "'" + value + "' is not a URL: " + e.getReason());
            return null;
        }
    }
}
