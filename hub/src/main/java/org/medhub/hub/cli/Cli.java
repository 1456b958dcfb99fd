package org.medhub.hub.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medhub.hub.MedhubApplication;

/** The {@code medhub} command: one subcommand per task, {@code medhub help} lists them. */
public final class Cli {

    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", "start the hub (with no Kafka or database configured, embedded ones under ./data)");
        COMMANDS.put("dictionary", "print the data dictionary: --format md (default) or json");
        COMMANDS.put("validate", "check a UDI (validate udi '<string>') or a record (validate <Entity> <file.json>)");
        COMMANDS.put("map", "map a partner file offline: map --partner <id> <file> or map --mapping <m.yml> <file>");
        COMMANDS.put("bench", "measure: bench pipeline [--records N] [--rate R,R2] [--seconds S] [--camel-records N] [--instances N];"
                + " bench cdc [--rows N] [--warmup N] [--rate R] [--seconds S] [--settle S]; bench trace [--batches N] [--serials N]"
                + " [--traces N]; bench jmh [JMH options]");
        COMMANDS.put("audit", "audit verify: prove the audit trail's hash chain whole, or name its first broken row");
        COMMANDS.put("users", "manage operators through the running hub: users list|show|create|roles|password|disable|enable|unlock");
        COMMANDS.put("customs", "customs check <bundle.json>: the pre-flight check of a declaration and the records it refers to");
        COMMANDS.put("trace", "trace <key or UDI> [--backward] [--depth N] [--impact [--csv]]: where it went (or came from), what a recall reaches");
        COMMANDS.put("help", "list the commands");
    }

    private Cli() {}

    /** The jar's entry point. */
    public static void main(String[] args) {
        int exitCode = run(args, System.out, System.err);
        if (exitCode != RUNNING) {
            System.exit(exitCode);
        }
    }

    /** What {@link #run} returns when the hub was started: the process lives on until the hub stops. */
    public static final int RUNNING = -1;

    /** Runs a subcommand and returns the process exit code, or {@link #RUNNING}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (command) {
            case "run" -> {
                MedhubApplication.start(rest);
                return RUNNING;
            }
            case "dictionary", "validate" -> {
                try {
                    return command.equals("dictionary")
                            ? DictionaryCommands.dictionary(List.of(rest), out, err)
                            : DictionaryCommands.validate(List.of(rest), out, err);
                } catch (IOException e) {
                    err.println("medhub " + command + ": " + e.getMessage());
                    return DictionaryCommands.INVALID;
                }
            }
            case "map" -> {
                try {
                    return MapCommand.run(List.of(rest), out, err, java.time.Clock.systemUTC());
                } catch (IOException e) {
                    err.println("medhub map: " + e.getMessage());
                    return MapCommand.USAGE;
                }
            }
            case "bench" -> {
                try {
                    String which = rest.length > 0 ? rest[0] : "";
                    return switch (which) {
                        case "cdc" -> org.medhub.hub.bench.CdcBench.run(List.of(rest), out, err);
                        case "trace" -> org.medhub.hub.bench.TraceBench.run(List.of(rest), out, err);
                        default -> org.medhub.hub.bench.PipelineBench.run(List.of(rest), out, err);
                    };
                } catch (Exception e) {
                    err.println("medhub bench: " + e);
                    return 1;
                }
            }
            case "audit" -> {
                return AuditCommand.run(List.of(rest), out, err);
            }
            case "users" -> {
                return UsersCommand.run(List.of(rest), out, err);
            }
            case "customs" -> {
                return CustomsCommand.run(List.of(rest), out, err);
            }
            case "trace" -> {
                return TraceCommand.run(List.of(rest), out, err);
            }
            case "help", "--help", "-h" -> {
                help(out);
                return 0;
            }
            default -> {
                err.println("medhub: unknown command '" + command + "'");
                help(err);
                return 2;
            }
        }
    }

    private static void help(PrintStream out) {
        out.println("usage: medhub <command> [options]\n\ncommands:");
        COMMANDS.forEach((name, description) -> out.printf("  %-10s %s%n", name, description));
    }
}
