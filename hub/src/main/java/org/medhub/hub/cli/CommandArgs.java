package org.medhub.hub.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A subcommand's arguments: {@code --name value} options, {@code --flag} switches, and the rest in order. */
final class CommandArgs {

    private final List<String> args;
    private final Set<String> flags;

    /** @param flags the options that take no value */
    CommandArgs(List<String> args, Set<String> flags) {
        this.args = args;
        this.flags = flags;
    }

    /** The arguments that are neither an option, an option's value nor a flag. */
    List<String> positional() {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (flags.contains(args.get(i))) {
                continue;
            }
            if (args.get(i).startsWith("--")) {
                i++;
            } else {
                positional.add(args.get(i));
            }
        }
        return positional;
    }

    Optional<String> option(String name) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? Optional.of(args.get(at + 1)) : Optional.empty();
    }

    boolean flag(String name) {
        return args.contains(name);
    }
}
