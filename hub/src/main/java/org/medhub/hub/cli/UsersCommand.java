package org.medhub.hub.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * {@code medhub users ...}: operators managed from the command line, through the running hub's API as one of its
 * administrators, so that every change is checked and audited exactly as in the API. Passwords are read from files
 * (or the environment), never from the command line, where other users of the machine could see them.
 */
final class UsersCommand {

    static final int DONE = 0;
    static final int REFUSED = 1;
    static final int USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String USAGE_TEXT = """
            usage: medhub users <action> [name] [options]
              list | show <name>
              create <name> --roles R1,R2 --password-file FILE --reason TEXT
              roles <name> --roles R1,R2 --reason TEXT
              password <name> --password-file FILE --reason TEXT
              disable | enable | unlock <name> --reason TEXT
            roles: those of medhub.security.roles (ADMIN, OPERATOR, RESOLVER, INTEGRATION_ENGINEER, VIEWER by default)
            as whom: --as NAME (default admin) with its password in --as-password-file FILE or MEDHUB_OPERATOR_PASSWORD
              (for admin, data/secrets/admin.password of --data-dir when neither is given)
            where: --url URL (default http://localhost:$MEDHUB_PORT or :8080)""";

    private UsersCommand() {}

    static int run(List<String> arguments, PrintStream out, PrintStream err) {
        CommandArgs args = new CommandArgs(arguments, Set.of());
        List<String> positional = args.positional();
        if (positional.isEmpty()) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String action = positional.get(0);
        String name = positional.size() > 1 ? positional.get(1) : null;
        try {
            HttpRequest.Builder request = request(action, name, args);
            if (request == null) {
                err.println(USAGE_TEXT);
                return USAGE;
            }
            String operator = args.option("--as").orElse("admin");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (operator + ":" + operatorPassword(operator, args)).getBytes(StandardCharsets.UTF_8)));
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            boolean ok = response.statusCode() < 300;
            (ok ? out : err).println(pretty(response.body()));
            return ok ? DONE : REFUSED;
        } catch (IllegalArgumentException | IOException e) {
            err.println("medhub users: " + (e instanceof ConnectException ? "no hub answers at " + url(args)
                    + " (is it running? --url names another)" : e.getMessage()));
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return USAGE;
        }
    }

    /** The request an action makes, or null when the action is unknown or lacks its name. */
    private static HttpRequest.Builder request(String action, String name, CommandArgs args) throws IOException {
        if (action.equals("list")) {
            return HttpRequest.newBuilder(uri(args, "/api/users")).GET();
        }
        if (name == null) {
            return null;
        }
        String user = "/api/users/" + name;
        ObjectNode body = JSON.createObjectNode();
        switch (action) {
            case "show" -> {
                return HttpRequest.newBuilder(uri(args, user)).GET();
            }
            case "create" -> {
                body.put("username", name);
                body.put("password", secret(args, "--password-file", "the new operator's password"));
                body.set("roles", roles(args));
                return post(uri(args, "/api/users"), reason(args, body));
            }
            case "roles" -> {
                body.set("roles", roles(args));
                return HttpRequest.newBuilder(uri(args, user + "/roles")).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(reason(args, body))));
            }
            case "password" -> {
                body.put("password", secret(args, "--password-file", "the new password"));
                return post(uri(args, user + "/password"), reason(args, body));
            }
            case "disable", "enable", "unlock" -> {
                return post(uri(args, user + "/" + action), reason(args, body));
            }
            default -> {
                return null;
            }
        }
    }

    private static HttpRequest.Builder post(URI uri, ObjectNode body) throws IOException {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private static ObjectNode reason(CommandArgs args, ObjectNode body) {
        body.put("reason", args.option("--reason").orElseThrow(() ->
                new IllegalArgumentException("say why with --reason: it goes into the audit trail")));
        return body;
    }

    private static JsonNode roles(CommandArgs args) {
        String roles = args.option("--roles").orElseThrow(() ->
                new IllegalArgumentException("name the roles with --roles, e.g. --roles OPERATOR,VIEWER"));
        return JSON.valueToTree(Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList());
    }

    private static String secret(CommandArgs args, String option, String what) throws IOException {
        Path file = Path.of(args.option(option).orElseThrow(() ->
                new IllegalArgumentException("give " + what + " in a file: " + option + " FILE (never on the command line)")));
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }

    private static String operatorPassword(String operator, CommandArgs args) throws IOException {
        if (args.option("--as-password-file").isPresent()) {
            return secret(args, "--as-password-file", "your password");
        }
        String fromEnvironment = System.getenv("MEDHUB_OPERATOR_PASSWORD");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Path generated = Path.of(args.option("--data-dir").orElse(System.getenv().getOrDefault("MEDHUB_DATA_DIR", "data")))
                .resolve("secrets/admin.password");
        if (operator.equals("admin") && Files.isReadable(generated)) {
            return Files.readString(generated, StandardCharsets.UTF_8).strip();
        }
        throw new IllegalArgumentException("give " + operator + "'s password: --as-password-file FILE or MEDHUB_OPERATOR_PASSWORD");
    }

    private static URI uri(CommandArgs args, String path) {
        return URI.create(url(args).replaceFirst("/+$", "") + path);
    }

    private static String url(CommandArgs args) {
        return args.option("--url").orElse("http://localhost:" + System.getenv().getOrDefault("MEDHUB_PORT", "8080"));
    }

    private static String pretty(String body) {
        try {
            return JSON.writeValueAsString(JSON.readTree(body));
        } catch (IOException e) {
            return body;
        }
    }
}
