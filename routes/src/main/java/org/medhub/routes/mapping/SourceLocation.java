package org.medhub.routes.mapping;

/**
 * Where in a source document a value was found, so that a person can open the file and look.
 *
 * @param line 1-based line, or 0 when the format gives none
 * @param column 1-based column, or 0 when the format gives none
 * @param path the value's place in the document: a JSONPath ({@code $['lines'][2]['qty']}), an XPath with
 *     positions ({@code /Invoice[1]/Line[3]/Qty[1]}), or a CSV row and column ({@code row 4, column 批号})
 */
public record SourceLocation(int line, int column, String path) {

    public static final SourceLocation NONE = new SourceLocation(0, 0, "");

    public boolean hasLine() {
        return line > 0;
    }

    @Override
    public String toString() {
        String at = hasLine() ? "line " + line + (column > 0 ? ", column " + column : "") : "";
        if (path == null || path.isEmpty()) {
            return at;
        }
        return at.isEmpty() ? path : at + " (" + path + ")";
    }
}
