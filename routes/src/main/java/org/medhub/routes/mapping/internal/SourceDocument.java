package org.medhub.routes.mapping.internal;

import java.util.List;
import java.util.Optional;
import org.medhub.routes.mapping.MappingViolation;

/** A source document read in its format, with paths evaluated the way its format writes them. */
public interface SourceDocument {

    /** The document as a whole: the context of a record rule without {@code forEach}. */
    SourceNode root();

    /** The source records a rule's {@code forEach} selects; for CSV, every data row. */
    List<SourceNode> records(String forEach);

    /**
     * The nodes {@code path} selects from {@code context}. Besides the format's own path language, every format
     * knows {@code #position} (the context's place among its siblings) and {@code #line} (its line).
     */
    List<SourceNode> select(SourceNode context, String path);

    /** The character a number in this document has between its whole and its fraction part. */
    default char decimalMark() {
        return '.';
    }

    /** A problem with a path itself (a JSONPath that does not parse, a column the header lacks), found on first use. */
    default Optional<MappingViolation> pathProblem(String path) {
        return Optional.empty();
    }
}
