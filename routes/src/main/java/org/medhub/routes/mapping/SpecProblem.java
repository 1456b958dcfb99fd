package org.medhub.routes.mapping;

/**
 * One thing wrong in a mapping: which file, which key (a dotted path such as {@code records[0].fields.lot.codes}),
 * which rule, and what to do about it.
 */
public record SpecProblem(String file, String key, String rule, String message) {

    @Override
    public String toString() {
        return file + ": " + (key.isEmpty() ? "" : key + ": ") + message + " [" + rule + "]";
    }
}
