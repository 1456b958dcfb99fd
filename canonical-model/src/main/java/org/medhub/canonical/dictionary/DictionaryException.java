package org.medhub.canonical.dictionary;

import java.util.List;
import java.util.stream.Collectors;

/** A data dictionary the hub will not run with; lists every problem found. */
public class DictionaryException extends RuntimeException {

    private final List<DictionaryProblem> problems;

    public DictionaryException(List<DictionaryProblem> problems) {
        super("invalid data dictionary:\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DictionaryProblem> problems() {
        return problems;
    }
}
