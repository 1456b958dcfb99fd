package org.medhub.canonical.validation;

import java.util.Optional;

/**
 * Text from outside (a reason typed by an operator, a value quoted in an error, a source value in the
 * lineage) as the hub keeps it: PostgreSQL refuses NUL outright, other control characters garble a log
 * or a terminal, and nothing may grow with whatever a sender chooses to send. Where the hub can refuse
 * the text ({@link #check}), it does; where it must keep it anyway, to say what was wrong
 * ({@link #clean}), it escapes and cuts it.
 */
public final class PrintableText {

    /** How much of a failure's reason is kept: every violation is in the answer to the sender. */
    public static final int MAX_REASON = 8_000;
    /** How much of a name or value from outside is quoted in a message. */
    public static final int MAX_QUOTE = 100;

    private PrintableText() {}

    /**
     * Why {@code value} of {@code field} cannot be taken: longer than {@code max} characters, or with a control
     * character other than tab and line breaks.
     */
    public static Optional<Violation> check(String field, String value, int max) {
        if (value == null) {
            return Optional.empty();
        }
        if (value.length() > max) {
            return Optional.of(new Violation(field, "max-length", null,
                    field + " must be at most " + max + " characters; it has " + value.length()));
        }
        int i = firstControl(value);
        if (i >= 0) {
            return Optional.of(new Violation(field, "control-character", clean(value, MAX_QUOTE), field
                    + " must not contain control characters other than tab and line breaks; it has U+"
                    + String.format("%04X", (int) value.charAt(i)) + " at position " + (i + 1)));
        }
        return Optional.empty();
    }

    /**
     * Control characters but tab and line breaks written as {@code \\uXXXX}, and at most {@code max} characters
     * in all: a longer text is cut and ends with how long it was, so it fits a bounded column as it is.
     */
    public static String clean(String text, int max) {
        if (text == null || text.length() <= max && firstControl(text) < 0) {
            return text; // as most are: no copy
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
        for (int i = 0; i < text.length() && out.length() <= max; i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() > max) {
            String note = "… (" + text.length() + " characters)";
            out.setLength(Math.max(0, max - note.length()));
            if (out.length() > 0 && Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1); // not half a character
            }
            out.append(note);
        }
        return out.toString();
    }

    /** A name or value from outside, fit to quote in a message. */
    public static String quote(String value) {
        return clean(value, MAX_QUOTE);
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
    }
}
