package org.medhub.hub.partner;

/** One thing wrong in a partner file: which file, which key (a dotted path), which rule, and what to do. */
public record ConfigProblem(String file, String key, String rule, String message) {

    @Override
    public String toString() {
        return file + ": " + (key.isEmpty() ? "" : key + ": ") + message + " [" + rule + "]";
    }
}
