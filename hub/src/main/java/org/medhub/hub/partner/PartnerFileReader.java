package org.medhub.hub.partner;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.connectors.http.HttpDestination;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.mapping.MappingSpec;
import org.medhub.routes.mapping.MappingSpecReader;
import org.medhub.routes.mapping.SourceFormat;
import org.medhub.routes.mapping.SpecProblem;
import org.medhub.routes.partner.InboundMessageType;
import org.medhub.routes.partner.Partner;
import org.medhub.routes.partner.PartnerKind;
import org.medhub.routes.partner.Subscription;

/** Reads and checks one {@code config/partners/<id>.yml}. */
public final class PartnerFileReader {

    /** A subscription's own keys, and its destination's (one transport today: http and its url). */
    private static final Set<String> SUBSCRIPTION_KEYS = java.util.stream.Stream.concat(
            Set.of("entity", "transport", "resilience", "mapping", "batch").stream(),
            HttpDestination.DESCRIPTION.keys().stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static final MappingSpecReader MAPPINGS = new MappingSpecReader();

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
        Optional<JsonNode> read = in.yamlMap(file, "at least an id");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root = read.get();
        int before = problems.size();
        in.onlyKeys(root, "", Set.of("id", "name", "kind", "credential", "inbound", "channels", "subscriptions"));
        String id = in.fileId(root, file);
        String name = in.text(root, "", "name", false);
        PartnerKind kind = kind(in, root, null);
        Map<String, InboundMessageType> messageTypes = inbound(in, root, fileName, problems);
        List<Subscription> subscriptions = subscriptions(in, root, id, fileName, problems);
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

    /** The {@code kind}: required where {@code otherwise} is null, else {@code otherwise} when absent. */
    static PartnerKind kind(ConfigReader in, JsonNode root, PartnerKind otherwise) {
        String kind = in.text(root, "", "kind", otherwise == null);
        if (kind == null) {
            return otherwise;
        }
        try {
            return PartnerKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            in.problem("kind", "enum", "'" + kind + "' is not one of " + Arrays.toString(PartnerKind.values()));
            return null;
        }
    }

    /** {@code config/mappings}, beside the partners folder the file is in. */
    private static Path mappingsDir(String partnerFile) {
        Path parent = Path.of(partnerFile).toAbsolutePath().getParent();
        return parent.resolveSibling("mappings");
    }

    /**
     * The message types of a partner file and their mappings, read without its credential or subscriptions: what
     * {@code medhub map --partner} needs, with the same checks the hub makes at start-up.
     */
    public static Map<String, InboundMessageType> inboundOf(Path file, UnaryOperator<String> placeholders,
            List<ConfigProblem> problems) {
        ConfigReader in = new ConfigReader(file.toString(), problems, placeholders);
        return in.yamlMap(file, "at least an id").map(root -> inbound(in, root, file.toString(), problems)).orElse(Map.of());
    }

    private static Map<String, InboundMessageType> inbound(ConfigReader in, JsonNode root, String file,
            List<ConfigProblem> fileProblems) {
        Path mappingsDir = mappingsDir(file);
        Map<String, InboundMessageType> types = new LinkedHashMap<>();
        JsonNode inbound = in.object(root, "", "inbound", false);
        if (inbound == null) {
            return types;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = inbound.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "inbound." + entry.getKey();
            if (!ConfigReader.ID.matcher(entry.getKey()).matches()) {
                in.problem(path, "id-format", "a message type name must be lower-case letters, digits and dashes");
            }
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                in.problem(path, "type", "must be a map with format and mapping");
                continue;
            }
            in.onlyKeys(node, path, Set.of("format", "charset", "mapping"));
            String formatName = in.text(node, path, "format", false);
            SourceFormat format = null;
            boolean formatValid = true;
            if (formatName != null) {
                format = SourceFormat.of(formatName).orElse(null);
                if (format == null) {
                    formatValid = false;
                    in.problem(path + ".format", "enum", "'" + formatName + "' is not one of " + SourceFormat.names());
                }
            }
            String charsetName = in.text(node, path, "charset", false);
            Charset charset = charsetName == null ? null : charset(in, path, charsetName);
            MappingSpec spec = mapping(in, node, path, file, fileProblems, mappingsDir,
                    formatValid ? format : SourceFormat.JSON, charset);
            if (spec != null && format != null && spec.format() != format) {
                in.problem(path + ".format", "format-mismatch", "'" + formatName + "' but mapping " + spec.id()
                        + " reads " + spec.format().yamlName());
            }
            Charset effective = charset != null ? charset : spec != null ? spec.charsetOrUtf8() : StandardCharsets.UTF_8;
            MappingSpec effectiveSpec = spec == null ? null : spec.withCharset(effective);
            types.put(entry.getKey(), new InboundMessageType(entry.getKey(),
                    spec != null ? spec.format().yamlName() : formatName, effective, effectiveSpec));
        }
        return types;
    }

    private static Charset charset(ConfigReader in, String path, String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            in.problem(path + ".charset", "charset", "'" + name + "' is not a character set this Java knows (e.g. UTF-8, GB18030, GBK)");
            return null;
        }
    }

    /**
     * The message type's mapping: inline, or by id from {@code config/mappings/<id>.yml}. The mapping reader
     * checks it; its problems name this file and key for an inline mapping, the mapping file for a referenced one.
     */
    private static MappingSpec mapping(ConfigReader in, JsonNode node, String path, String file,
            List<ConfigProblem> fileProblems, Path mappingsDir, SourceFormat format, Charset charset) {
        JsonNode mapping = node.get("mapping");
        String key = path + ".mapping";
        List<SpecProblem> problems = new ArrayList<>();
        Optional<MappingSpec> spec;
        if (mapping == null || mapping.isNull()) {
            in.problem(key, "required", "is required: a mapping inline, or the id of one in " + mappingsDir);
            return null;
        } else if (mapping.isTextual()) {
            spec = MAPPINGS.readById(mappingsDir, mapping.asText(), file, key, problems);
        } else {
            spec = MAPPINGS.read(mapping, file, key, new MappingSpecReader.Defaults(format, charset), problems);
        }
        for (SpecProblem p : problems) {
            ConfigProblem problem = new ConfigProblem(p.file(), p.key(), p.rule(), p.message());
            // two message types may name the same mapping file: say what is wrong in it once
            if (!fileProblems.contains(problem)) {
                fileProblems.add(problem);
            }
        }
        return spec.orElse(null);
    }

    private List<Subscription> subscriptions(ConfigReader in, JsonNode root, String partnerId, String file,
            List<ConfigProblem> fileProblems) {
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
            in.onlyKeys(node, path, SUBSCRIPTION_KEYS);
            String entity = in.text(node, path, "entity", true);
            if (entity != null && DataDictionary.standard().entity(entity).isEmpty()) {
                in.problem(path + ".entity", "dictionary-entity", "'" + entity + "' is not an entity of the data dictionary");
            }
            String transport = in.text(node, path, "transport", false);
            if (transport != null && !TransportCatalog.names("outbound").contains(transport)) {
                in.problem(path + ".transport", "transport", "'" + transport + "' is not a transport the hub delivers by;"
                        + " it has " + TransportCatalog.names("outbound"));
            }
            URI url = url(in, path + ".url", in.text(node, path, "url", true));
            String resilience = in.text(node, path, "resilience", true);
            if (resilience != null && !resilienceProfiles.contains(resilience)) {
                in.problem(path + ".resilience", "resilience-profile", "'" + resilience
                        + "' is not a configured profile (resilience4j.retry.instances): " + resilienceProfiles);
            }
            MappingSpec outbound = outbound(in, node, path, entity, file, fileProblems);
            int batch = node.has("batch") ? in.integer(node, path, "batch", true, 1) : 1;
            if (batch > Subscription.MAX_BATCH) {
                in.problem(path + ".batch", "maximum", "must be at most " + Subscription.MAX_BATCH);
            } else if (batch > 1 && outbound != null) {
                in.problem(path + ".batch", "batch-canonical-only", "a batch is a JSON array of canonical envelopes;"
                        + " a subscription with an outbound mapping gets one record per request");
            }
            subscriptions.add(new Subscription(partnerId, entity, url == null ? null : new HttpDestination(url), resilience,
                    outbound, batch));
        }
        return subscriptions;
    }

    /** The subscription's outbound mapping, by id from {@code config/mappings}: it must render the subscribed entity. */
    private static MappingSpec outbound(ConfigReader in, JsonNode node, String path, String entity, String file,
            List<ConfigProblem> fileProblems) {
        String id = in.text(node, path, "mapping", false);
        if (id == null) {
            return null;
        }
        List<SpecProblem> problems = new ArrayList<>();
        Optional<MappingSpec> spec = MAPPINGS.readById(mappingsDir(file), id, file, path + ".mapping", problems);
        problems.forEach(p -> fileProblems.add(new ConfigProblem(p.file(), p.key(), p.rule(), p.message())));
        if (spec.isPresent() && spec.get().direction() != MappingSpec.Direction.OUTBOUND) {
            in.problem(path + ".mapping", "outbound-mapping", "'" + id + "' reads records in; a subscription needs an outbound mapping");
            return null;
        }
        if (spec.isPresent() && entity != null && !spec.get().records().isEmpty()
                && !entity.equals(spec.get().records().get(0).entity())) {
            in.problem(path + ".mapping", "mapping-entity", "'" + id + "' renders " + spec.get().records().get(0).entity()
                    + ", not " + entity);
            return null;
        }
        return spec.orElse(null);
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
