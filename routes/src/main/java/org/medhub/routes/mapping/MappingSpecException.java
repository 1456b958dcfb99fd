package org.medhub.routes.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A mapping file that cannot be used, with every problem in it. */
public class MappingSpecException extends RuntimeException {

    private final List<SpecProblem> problems;

    public MappingSpecException(List<SpecProblem> problems) {
        super(problems.size() + " problem(s) in mapping configuration:" + problems.stream().map(SpecProblem::toString)
                .collect(Collectors.joining(System.lineSeparator() + "  ", System.lineSeparator() + "  ", "")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
