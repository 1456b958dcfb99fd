package org.medhub.hub.partner;

import java.util.List;
import java.util.stream.Collectors;

/** Partner configuration that the hub will not run with; lists every problem found. */
public class PartnerConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public PartnerConfigException(List<ConfigProblem> problems) {
        super("invalid partner configuration:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
