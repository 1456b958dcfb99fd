package org.medhub.hub.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medhub.hub.MedhubApplication;

/** The {@code medhub} command: one subcommand per task, {@code medhub help} lists them. */
public final class Cli {

    private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("run", "start the hub (with no Kafka or database configured, embedded ones under ./data)");
        COMMANDS.put("help", "list the commands");
    }

    private Cli() {}

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
