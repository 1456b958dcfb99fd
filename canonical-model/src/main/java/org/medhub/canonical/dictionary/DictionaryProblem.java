package org.medhub.canonical.dictionary;

/** One thing wrong in a dictionary file: the file, the key (a dotted path), the rule, and what is wrong. */
public record DictionaryProblem(String file, String key, String rule, String message) {

    @Override
    public String toString() {
        return file + ": " + (key.isEmpty() ? "" : key + ": ") + message + " [" + rule + "]";
    }
}
