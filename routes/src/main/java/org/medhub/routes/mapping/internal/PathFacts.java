package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Optional;

/** The paths every format knows: facts about the context node rather than values in it. */
final class PathFacts {

    static final String POSITION = "#position";
    static final String LINE = "#line";

    private PathFacts() {}

    static boolean isFact(String path) {
        return path.startsWith("#");
    }

    static Optional<List<SourceNode>> select(SourceNode context, String path) {
        return switch (path) {
            case POSITION -> Optional.of(List.of(new SourceNode(JsonNodeFactory.instance.numberNode(context.position()),
                    context.location(), 1, null)));
            case LINE -> Optional.of(context.location().hasLine()
                    ? List.of(new SourceNode(JsonNodeFactory.instance.numberNode(context.location().line()),
                            context.location(), 1, null))
                    : List.of());
            default -> Optional.empty();
        };
    }
}
