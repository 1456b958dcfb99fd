package org.medhub.hub.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.medhub.connectors.file.FileDrop;
import org.medhub.connectors.poll.PartnerApi;
import org.medhub.connectors.sftp.SftpPickup;
import org.medhub.connectors.transport.Secret;
import org.medhub.routes.channel.InboundChannel;
import org.medhub.routes.mapping.YamlKeys;
import org.medhub.routes.partner.InboundMessageType;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;

/**
 * Reads and checks the {@code channels:} section of a partner file: the ways its records reach the hub
 * besides its own HTTP push. Every problem names the key and the rule, like the rest of the file.
 */
final class ChannelReader {

    /** A change feed is no channel of a partner file: it has a file of its own in config/cdc. */
    static final List<String> TYPES = TransportCatalog.names("inbound").stream()
            .filter(type -> !type.equals(org.medhub.routes.cdc.CdcSource.TRANSPORT)).toList();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> COMMON = Set.of("type", "messageType");
    // the keys each transport describes: what a partner file may say and what GET /api/transports shows are one list
    private static final Set<String> FILE_KEYS = union(COMMON, FileDrop.DESCRIPTION.keys());
    private static final Set<String> SFTP_KEYS = union(COMMON, SftpPickup.DESCRIPTION.keys());
    private static final Set<String> POLL_KEYS = union(COMMON, PartnerApi.DESCRIPTION.keys());
    private static final Duration DEFAULT_PICKUP_INTERVAL = Duration.ofSeconds(5);
    private static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final CredentialStore credentials;
    private final long defaultMaxFileBytes;

    /** @param defaultMaxFileBytes the limit of a file without {@code maxFileSize}: that of an HTTP body */
    ChannelReader(CredentialStore credentials, long defaultMaxFileBytes) {
        this.credentials = credentials;
        this.defaultMaxFileBytes = defaultMaxFileBytes;
    }

    List<InboundChannel> read(ConfigReader in, JsonNode root, String partnerId, Map<String, InboundMessageType> types) {
        List<InboundChannel> channels = new ArrayList<>();
        JsonNode section = in.object(root, "", "channels", false);
        if (section == null) {
            return channels;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            String path = "channels." + name;
            if (!NAME.matcher(name).matches()) {
                in.problem(path, "id-format", "a channel name must be lower-case letters, digits and dashes, at most 63");
            }
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                in.problem(path, "type", "must be a map with type, messageType and the settings of its type");
                continue;
            }
            String type = in.text(node, path, "type", true);
            String messageType = in.text(node, path, "messageType", true);
            if (messageType != null && !types.containsKey(messageType)) {
                in.problem(path + ".messageType", "message-type", "'" + messageType
                        + "' is not a message type of this partner (inbound): " + types.keySet());
            }
            if (type != null && !TYPES.contains(type)) {
                in.problem(path + ".type", "enum", "'" + type + "' is not one of " + TYPES);
                continue;
            }
            if (type == null) {
                continue;
            }
            InboundChannel channel = switch (type) {
                case "file" -> file(in, node, path, partnerId, name, messageType);
                case "sftp" -> sftp(in, node, path, partnerId, name, messageType);
                default -> poll(in, node, path, partnerId, name, messageType, types.get(messageType));
            };
            channels.add(channel);
        }
        return channels;
    }

    private InboundChannel file(ConfigReader in, JsonNode node, String path, String partner, String name, String type) {
        in.onlyKeys(node, path, FILE_KEYS);
        String folder = in.text(node, path, "folder", true);
        return new InboundChannel(partner, name, type, new FileDrop(folder == null ? null : credentials.path(folder),
                regex(in, node, path), size(in, node, path), duration(in, node, path, "pollInterval", DEFAULT_PICKUP_INTERVAL)));
    }

    private InboundChannel sftp(ConfigReader in, JsonNode node, String path, String partner, String name, String type) {
        in.onlyKeys(node, path, SFTP_KEYS);
        String host = in.text(node, path, "host", true);
        int port = integer(in, node, path, "port", 22, 1, 65535);
        String username = in.text(node, path, "username", true);
        Secret password = secret(in, node, path, "password");
        String privateKey = in.text(node, path, "privateKey", false);
        Path privateKeyFile = null;
        if (privateKey != null) {
            if (!privateKey.startsWith("file:")) {
                in.problem(path + ".privateKey", "credential-reference", "must be file:PATH, a private key file the hub can read");
            } else if (credentials.outbound(privateKey).problem() != null) {
                in.problem(path + ".privateKey", "credential-reference", credentials.outbound(privateKey).problem());
            } else {
                privateKeyFile = credentials.path(privateKey.substring("file:".length()));
            }
        }
        if ((password == null) == (privateKey == null) && !in.hasProblem(path + ".password")) {
            in.problem(path, "sftp-credential", "needs exactly one of password (env:NAME or file:PATH) and privateKey (file:PATH)");
        }
        Secret passphrase = secret(in, node, path, "passphrase");
        String knownHosts = in.text(node, path, "knownHosts", false);
        if (knownHosts != null && !java.nio.file.Files.isReadable(credentials.path(knownHosts))) {
            in.problem(path + ".knownHosts", "file-exists", credentials.path(knownHosts)
                    + " does not exist or cannot be read; it holds the server's host key in known_hosts form");
        }
        String directory = in.text(node, path, "directory", false);
        if (directory != null && (directory.contains("..") || directory.startsWith("/"))) {
            in.problem(path + ".directory", "relative-path", "'" + directory
                    + "' must be a path relative to the login directory, without ..");
        }
        return new InboundChannel(partner, name, type, new SftpPickup(host, port, username, password, privateKeyFile,
                passphrase, knownHosts == null ? null : credentials.path(knownHosts),
                directory == null ? "" : directory.replaceAll("/+$", ""), regex(in, node, path), size(in, node, path),
                duration(in, node, path, "pollInterval", DEFAULT_PICKUP_INTERVAL)));
    }

    private InboundChannel poll(ConfigReader in, JsonNode node, String path, String partner, String name, String type,
            InboundMessageType messageType) {
        in.onlyKeys(node, path, POLL_KEYS);
        if (messageType != null && !"json".equals(messageType.format())) {
            in.problem(path + ".messageType", "poll-format", "a polled API answers JSON: the message type's format must be json, not "
                    + messageType.format());
        }
        URI url = url(in, path + ".url", in.text(node, path, "url", true));
        Duration interval = duration(in, node, path, "interval", DEFAULT_POLL_INTERVAL);
        Duration timeout = duration(in, node, path, "timeout", DEFAULT_TIMEOUT);
        String records = jsonPath(in, node, path, "records", "$.records");
        int maxPages = integer(in, node, path, "maxPages", 10, 1, 1000);

        String checkpointPath = path + ".checkpoint";
        JsonNode checkpoint = in.object(node, path, "checkpoint", true);
        String param = "since";
        String from = null;
        String fromRecord = null;
        String initial = null;
        if (checkpoint != null) {
            in.onlyKeys(checkpoint, checkpointPath, Set.of("param", "from", "fromRecord", "initial"));
            String given = in.text(checkpoint, checkpointPath, "param", false);
            param = given == null ? param : given;
            from = jsonPath(in, checkpoint, checkpointPath, "from", null);
            fromRecord = jsonPath(in, checkpoint, checkpointPath, "fromRecord", null);
            initial = in.text(checkpoint, checkpointPath, "initial", false);
            if ((checkpoint.has("from")) == (checkpoint.has("fromRecord"))) {
                in.problem(checkpointPath, "checkpoint-source", "needs exactly one of from (a JSONPath in the answer, "
                        + "e.g. $.next) and fromRecord (a JSONPath in each record, e.g. $.updatedAt)");
            }
        }
        return new InboundChannel(partner, name, type, new PartnerApi(url, interval, timeout, records, param, from,
                fromRecord, initial, auth(in, node, path), maxPages));
    }

    private PartnerApi.Auth auth(ConfigReader in, JsonNode node, String path) {
        JsonNode auth = in.object(node, path, "auth", false);
        if (auth == null) {
            return null;
        }
        String authPath = path + ".auth";
        in.onlyKeys(auth, authPath, Set.of("bearer", "username", "password"));
        if (auth.has("bearer") && !auth.has("username") && !auth.has("password")) {
            Secret token = secret(in, auth, authPath, "bearer");
            return token == null ? null : PartnerApi.Auth.bearer(token);
        }
        if (!auth.has("bearer") && auth.has("username") && auth.has("password")) {
            String username = in.text(auth, authPath, "username", true);
            Secret password = secret(in, auth, authPath, "password");
            return username == null || password == null ? null : PartnerApi.Auth.basic(username, password);
        }
        in.problem(authPath, "auth", "needs either bearer (a token reference) or username and password (a reference)");
        return null;
    }

    private Secret secret(ConfigReader in, JsonNode node, String path, String key) {
        String reference = in.text(node, path, key, false);
        if (reference == null) {
            return null;
        }
        CredentialStore.Outbound resolved = credentials.outbound(reference);
        if (resolved.problem() != null) {
            in.problem(path + "." + key, "credential-reference", resolved.problem());
            return null;
        }
        return resolved.secret();
    }

    private static String regex(ConfigReader in, JsonNode node, String path) {
        String include = in.text(node, path, "include", false);
        if (include == null) {
            return null;
        }
        try {
            Pattern.compile(include);
            return include;
        } catch (PatternSyntaxException e) {
            in.problem(path + ".include", "regex", "'" + include + "' is not a regular expression: " + e.getDescription());
            return null;
        }
    }

    private long size(ConfigReader in, JsonNode node, String path) {
        String value = in.text(node, path, "maxFileSize", false);
        if (value == null) {
            return defaultMaxFileBytes;
        }
        try {
            long bytes = DataSize.parse(value).toBytes();
            if (bytes > 0) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        in.problem(path + ".maxFileSize", "data-size", "'" + value + "' must be a positive size such as 512KB or 10MB");
        return defaultMaxFileBytes;
    }

    /** A duration of at least 100 ms ({@code 500ms}, {@code 5s}, {@code 1m}); change-feed files read theirs here too. */
    static Duration duration(ConfigReader in, JsonNode node, String path, String key, Duration defaultValue) {
        String value = in.text(node, path, key, false);
        if (value == null) {
            return defaultValue;
        }
        try {
            Duration duration = DurationStyle.detectAndParse(value);
            if (duration.compareTo(MIN_INTERVAL) >= 0) {
                return duration;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        in.problem(YamlKeys.join(path, key), "duration", "'" + value + "' must be a duration of at least 100ms, such as 5s or 1m");
        return defaultValue;
    }

    private static int integer(ConfigReader in, JsonNode node, String path, String key, int defaultValue, int min, int max) {
        String value = in.text(node, path, key, false);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        in.problem(path + "." + key, "integer", "'" + value + "' must be a whole number from " + min + " to " + max);
        return defaultValue;
    }

    private static String jsonPath(ConfigReader in, JsonNode node, String path, String key, String defaultValue) {
        String value = in.text(node, path, key, false);
        if (value == null) {
            return defaultValue;
        }
        try {
            if (value.startsWith("$")) {
                JsonPath.compile(value);
                return value;
            }
        } catch (InvalidPathException e) {
            // reported below
        }
        in.problem(path + "." + key, "jsonpath", "'" + value + "' must be a valid JSONPath starting with $");
        return defaultValue;
    }

    private static URI url(ConfigReader in, String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        in.problem(key, "http-url", "'" + value + "' must be an absolute http or https URL");
        return null;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> all = new java.util.TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
