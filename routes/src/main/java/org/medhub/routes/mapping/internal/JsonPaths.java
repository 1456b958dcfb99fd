package org.medhub.routes.mapping.internal;

import java.util.ArrayList;
import java.util.List;

/** Conversions between JSON Pointers (how the tree is addressed) and JSONPaths (how people read a place). */
final class JsonPaths {

    private JsonPaths() {}

    static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    static List<String> segments(String pointer) {
        List<String> segments = new ArrayList<>();
        if (pointer.isEmpty()) {
            return segments;
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            segments.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return segments;
    }

    static String pointer(List<String> segments) {
        StringBuilder pointer = new StringBuilder();
        segments.forEach(s -> pointer.append('/').append(escape(s)));
        return pointer.toString();
    }

    /** {@code /lines/2/qty} as {@code $['lines'][2]['qty']}. */
    static String toJsonPath(String pointer) {
        StringBuilder path = new StringBuilder("$");
        for (String segment : segments(pointer)) {
            if (isIndex(segment)) {
                path.append('[').append(segment).append(']');
            } else {
                path.append("['").append(segment.replace("'", "\\'")).append("']");
            }
        }
        return path.toString();
    }

    private static boolean isIndex(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if (!Character.isDigit(segment.charAt(i))) {
                return false;
            }
        }
        return !segment.isEmpty();
    }

    /** Jayway's normalized path ({@code $['lines'][2]['qty']}) as a JSON Pointer. */
    static String fromJsonPath(String normalized) {
        List<String> segments = new ArrayList<>();
        int i = 1;
        while (i < normalized.length()) {
            if (normalized.startsWith("['", i)) {
                StringBuilder name = new StringBuilder();
                int j = i + 2;
                while (j < normalized.length() && !normalized.startsWith("']", j)) {
                    if (normalized.charAt(j) == '\\' && j + 1 < normalized.length()) {
                        j++;
                    }
                    name.append(normalized.charAt(j++));
                }
                segments.add(name.toString());
                i = j + 2;
            } else if (normalized.charAt(i) == '[') {
                int end = normalized.indexOf(']', i);
                segments.add(normalized.substring(i + 1, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return pointer(segments);
    }
}
