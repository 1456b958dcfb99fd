package org.medhub.canonical.gs1;

import java.util.Arrays;
import java.util.List;

/**
 * One component of an AI's data field as the GS1 Barcode Syntax Dictionary specifies it, e.g. {@code N13,csum}
 * (13 digits with a check digit) or {@code [X..17]} (optionally up to 17 characters of CSET 82).
 *
 * @param linters the dictionary's content checks for this component, by name ({@code csum}, {@code yymmd0}…)
 */
public record AiComponent(CharacterSet characterSet, int minLength, int maxLength, boolean optional, List<String> linters) {

    /** The dictionary's character set letters: N, X (CSET 82), Y (CSET 39), Z (CSET 64, base64url). */
    public enum CharacterSet {
        NUMERIC('N'), CSET82('X'), CSET39('Y'), CSET64('Z');

        private final char letter;

        CharacterSet(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }

        static CharacterSet of(char letter) {
            for (CharacterSet set : values()) {
                if (set.letter == letter) {
                    return set;
                }
            }
            throw new IllegalArgumentException("unknown character set '" + letter + "'");
        }
    }

    public AiComponent {
        linters = List.copyOf(linters);
    }

    /** Parses one specification token of the dictionary, such as {@code N6,yymmd0}, {@code [N3],iso3166} or {@code X..20}. */
    static AiComponent parse(String token) {
        String[] parts = token.split(",");
        String type = parts[0];
        boolean optional = type.startsWith("[");
        if (optional) {
            if (!type.endsWith("]")) {
                throw new IllegalArgumentException("unterminated optional component " + token);
            }
            type = type.substring(1, type.length() - 1);
        }
        CharacterSet set = CharacterSet.of(type.charAt(0));
        String length = type.substring(1);
        int min;
        int max;
        int dots = length.indexOf("..");
        if (dots < 0) {
            min = max = Integer.parseInt(length);
        } else {
            min = dots == 0 ? 1 : Integer.parseInt(length.substring(0, dots));
            max = Integer.parseInt(length.substring(dots + 2));
        }
        return new AiComponent(set, min, max, optional, Arrays.asList(parts).subList(1, parts.length));
    }

    @Override
    public String toString() {
        String length = minLength == maxLength ? String.valueOf(maxLength)
                : (minLength == 1 ? ".." + maxLength : minLength + ".." + maxLength);
        String type = characterSet.letter() + length;
        return (optional ? "[" + type + "]" : type) + (linters.isEmpty() ? "" : "," + String.join(",", linters));
    }
}
