package org.medhub.hub.customs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medhub.canonical.dictionary.DataDictionary;
import org.medhub.canonical.entity.Shipment;
import org.medhub.connectors.customs.ChinaSingleWindow;
import org.medhub.connectors.customs.Dialect;
import org.medhub.connectors.customs.WcoDeclaration;
import org.medhub.connectors.file.FolderDestination;
import org.medhub.connectors.http.HttpDestination;
import org.medhub.connectors.transport.Destination;
import org.medhub.hub.partner.ConfigProblem;
import org.medhub.hub.partner.PartnerConfigException;
import org.medhub.routes.customs.Preflight;
import org.medhub.routes.customs.PreflightSettings;
import org.medhub.routes.mapping.YamlKeys;
import org.medhub.routes.partner.PartnerDirectory;
import org.medhub.routes.partner.PartnerKind;

/**
 * The customs profiles in force, read from {@code <config-dir>/customs/*.yml} at start-up. A profile the hub cannot
 * use stops the start with every problem of every file, each naming the file, the key and the rule.
 */
public final class CustomsProfiles {

    static final Map<String, Dialect> DIALECTS = Map.of(
            "china-single-window", new ChinaSingleWindow(), "wco", new WcoDeclaration());
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> KEYS = Set.of("id", "name", "dialect", "partner", "submission", "receipts",
            "signingKey", "assembleOn", "declaration", "lines", "preflight");

    private final Map<String, CustomsProfile> byId;

    public CustomsProfiles(List<CustomsProfile> profiles) {
        Map<String, CustomsProfile> map = new LinkedHashMap<>();
        profiles.forEach(p -> map.put(p.id(), p));
        this.byId = Map.copyOf(map);
    }

    public Optional<CustomsProfile> profile(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<CustomsProfile> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(CustomsProfile::id)).toList();
    }

    /** The profile whose authority is this partner. */
    public Optional<CustomsProfile> ofPartner(String partnerId) {
        return all().stream().filter(p -> p.partner().equals(partnerId)).findFirst();
    }

    /**
     * @param dataDir what relative paths (keys, folders) are under
     * @param simulators the URL behind a {@code simulator:} URL
     * @throws PartnerConfigException listing every problem of every file
     */
    public static CustomsProfiles read(Path folder, Path dataDir, UnaryOperator<String> placeholders,
            PartnerDirectory partners, boolean generateMissingKeys, Function<CustomsProfile.Draft, URI> simulators) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<CustomsProfile> profiles = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.ya?ml$")).sorted().toList()) {
                    read(file, dataDir, placeholders, partners, generateMissingKeys, simulators, problems)
                            .ifPresent(profiles::add);
                }
            } catch (IOException e) {
                problems.add(new ConfigProblem(folder.toString(), "", "readable", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PartnerConfigException(problems);
        }
        return new CustomsProfiles(profiles);
    }

    private static Optional<CustomsProfile> read(Path file, Path dataDir, UnaryOperator<String> placeholders,
            PartnerDirectory partners, boolean generateMissingKeys, Function<CustomsProfile.Draft, URI> simulators,
            List<ConfigProblem> problems) {
        int before = problems.size();
        YamlKeys in = new YamlKeys((key, rule, message) -> problems.add(new ConfigProblem(file.toString(), key, rule, message)),
                placeholders);
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
        in.onlyKeys(root, "", KEYS);
        String id = in.text(root, "", "id", true);
        if (id != null && !(ID.matcher(id).matches() && file.getFileName().toString().replaceFirst("\\.ya?ml$", "").equals(id))) {
            in.problem("id", "id-format", "'" + id + "' must be lower-case letters, digits and dashes, and the file's name");
        }
        String name = Optional.ofNullable(in.text(root, "", "name", false)).orElse(id);
        String dialectName = in.text(root, "", "dialect", true);
        Dialect dialect = dialectName == null ? null : DIALECTS.get(dialectName);
        if (dialectName != null && dialect == null) {
            in.problem("dialect", "known-dialect", "'" + dialectName + "' is not a dialect; there are "
                    + new java.util.TreeSet<>(DIALECTS.keySet()));
        }
        String partner = in.text(root, "", "partner", true);
        if (partner != null && partners.partner(partner).map(p -> p.kind() != PartnerKind.CUSTOMS).orElse(true)) {
            in.problem("partner", "customs-partner", "'" + partner + "' must be a partner of kind CUSTOMS in partners/"
                    + " (the authority its receipts come from)");
        }
        String assembleOn = in.text(root, "", "assembleOn", false);
        if (assembleOn != null && Stream.of(Shipment.Status.values()).noneMatch(s -> s.name().equals(assembleOn))) {
            in.problem("assembleOn", "shipment-status", "'" + assembleOn + "' is not a Shipment status; one of "
                    + List.of(Shipment.Status.values()));
        }
        KeyPair key = null;
        String keyRef = in.text(root, "", "signingKey", true);
        if (keyRef != null && !keyRef.startsWith("file:")) {
            in.problem("signingKey", "reference", "must be file:PATH (a PKCS#8 PEM file; relative to the data directory);"
                    + " a key is never written in the profile itself");
        } else if (keyRef != null) {
            try {
                key = DeclarantKey.read(dataDir.resolve(keyRef.substring("file:".length())).normalize(), generateMissingKeys);
            } catch (IllegalArgumentException e) {
                in.problem("signingKey", "key", e.getMessage());
            }
        }
        ObjectNode header = object(in, root, "declaration");
        ObjectNode lines = object(in, root, "lines");
        fieldsOf(in, header, "declaration", DataDictionary.standard().entity("CustomsDeclaration").orElseThrow().fields().keySet());
        PreflightSettings preflight = preflight(in, root.get("preflight"));

        JsonNode submission = in.object(root, "", "submission", true);
        int attempts = 3;
        Duration pause = Duration.ofSeconds(2);
        String url = null;
        String folder = null;
        if (submission != null) {
            in.onlyKeys(submission, "submission", Set.of("url", "folder", "attempts", "pause"));
            url = in.text(submission, "submission", "url", false);
            folder = in.text(submission, "submission", "folder", false);
            if ((url == null) == (folder == null)) {
                in.problem("submission", "one-transport", "give either url (HTTP) or folder (file exchange), not both or none");
            }
            if (submission.has("attempts")) {
                attempts = in.integer(submission, "submission", "attempts", false, 1);
            }
            pause = duration(in, submission, "submission", "pause", pause);
        }
        JsonNode receipts = in.object(root, "", "receipts", false);
        Path receiptFolder = null;
        if (receipts != null) {
            in.onlyKeys(receipts, "receipts", Set.of("folder"));
            String text = in.text(receipts, "receipts", "folder", true);
            receiptFolder = text == null ? null : dataDir.resolve(text).normalize();
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Destination destination;
        if (folder != null) {
            destination = new FolderDestination(dataDir.resolve(folder).normalize());
        } else if (url.startsWith("simulator:")) {
            if (!(dialect instanceof ChinaSingleWindow)) {
                in.problem("submission.url", "simulator", "the simulated single window speaks china-single-window only");
                return Optional.empty();
            }
            try {
                destination = new HttpDestination(simulators.apply(new CustomsProfile.Draft(id, url, partner, dialect, key)));
            } catch (IllegalArgumentException e) {
                in.problem("submission.url", "simulator", e.getMessage());
                return Optional.empty();
            }
        } else {
            try {
                destination = new HttpDestination(URI.create(url));
            } catch (IllegalArgumentException e) {
                in.problem("submission.url", "url", "'" + url + "' is not a URL: " + e.getMessage());
                return Optional.empty();
            }
        }
        return Optional.of(new CustomsProfile(id, name, partner, dialect, destination, attempts, pause, receiptFolder, key,
                assembleOn, header, lines, preflight));
    }

    private static ObjectNode object(YamlKeys in, JsonNode root, String key) {
        JsonNode node = in.object(root, "", key, false);
        return node == null ? YAML.createObjectNode() : ((ObjectNode) node).deepCopy();
    }

    /** A misspelt field would silently leave a declaration without it: every key must be the dictionary's. */
    private static void fieldsOf(YamlKeys in, ObjectNode node, String path, Set<String> fields) {
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                in.problem(path + "." + name, "dictionary-field", "not a field of CustomsDeclaration");
            }
        });
    }

    private static PreflightSettings preflight(YamlKeys in, JsonNode node) {
        if (node == null || node.isNull()) {
            return PreflightSettings.defaults();
        }
        in.onlyKeys(node, "preflight", Set.of("rules", "headings", "licences", "secondUnit"));
        List<String> rules = in.texts(node, "preflight", "rules");
        for (String rule : rules) {
            if (!Preflight.RULES.contains(rule)) {
                in.problem("preflight.rules", "known-rule", "'" + rule + "' is not a rule; there are "
                        + new java.util.TreeSet<>(Preflight.RULES));
            }
        }
        Map<String, List<String>> licences = new LinkedHashMap<>();
        JsonNode table = in.object(node, "preflight", "licences", false);
        if (table != null) {
            table.fieldNames().forEachRemaining(heading -> licences.put(heading, in.texts(table, "preflight.licences", heading)));
        }
        return new PreflightSettings(rules.isEmpty() ? Preflight.RULES : Set.copyOf(rules),
                Set.copyOf(in.texts(node, "preflight", "headings")), licences,
                Set.copyOf(in.texts(node, "preflight", "secondUnit")));
    }

    private static Duration duration(YamlKeys in, JsonNode node, String path, String key, Duration otherwise) {
        String text = in.text(node, path, key, false);
        if (text == null) {
            return otherwise;
        }
        try {
            String value = text.strip().toLowerCase();
            return value.endsWith("ms") ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
                    : Duration.parse("PT" + value.toUpperCase());
        } catch (NumberFormatException e) {
            in.problem(path + "." + key, "duration", "'" + text + "' must be a duration such as 2s or 500ms");
            return otherwise;
        } catch (DateTimeParseException e) {
            in.problem(path + "." + key, "duration", "'" + text + "' must be a duration such as 2s or 500ms");
            return otherwise;
        }
    }
}
