package org.medhub.routes.mapping.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import org.medhub.routes.mapping.MappingViolation;
import org.medhub.routes.mapping.SourceLocation;

/**
 * A JSON document (or an EPCIS document read into its JSON-LD form) addressed by JSONPath. A path starting with
 * {@code $} starts at the document, one starting with {@code @} at the record {@code forEach} selected, and each
 * leading {@code ../} steps out to the object that encloses the record (arrays are stepped over).
 */
public final class JsonSource implements SourceDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration PATH_LISTS = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST)
            .build();

    /**
     * Every path compiled so far, or why it is not a path: a path's validity does not depend on the
     * document, compiled paths are immutable and safe to share, and compiling each once per record cost
     * a measurable share of mapping. Partner mappings have a bounded number of paths; the bound only
     * guards against a mapping that makes them up.
     */
    private static final Map<String, Object> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 10_000;

    private final JsonTree tree;
    private final Map<String, String> problems;

    public JsonSource(JsonTree tree) {
        this(tree, new HashMap<>());
    }

    private JsonSource(JsonTree tree, Map<String, String> problems) {
        this.tree = tree;
        this.problems = problems;
    }

    /** The same paths over another document, keeping the problems found so far. Not for use across threads. */
    public JsonSource over(JsonTree other) {
        return new JsonSource(other, problems);
    }

    public JsonTree tree() {
        return tree;
    }

    @Override
    public SourceNode root() {
        return node("");
    }

    @Override
    public List<SourceNode> records(String forEach) {
        return forEach == null ? List.of(root()) : select(root(), forEach);
    }

    @Override
    public List<SourceNode> select(SourceNode context, String path) {
        if (PathFacts.isFact(path)) {
            return PathFacts.select(context, path).orElse(List.of());
        }
        String base = (String) context.handle();
        String expression;
        if (path.startsWith("$")) {
            base = "";
            expression = path;
        } else if (path.startsWith("@")) {
            expression = "$" + path.substring(1);
        } else if (path.startsWith("..")) {
            String rest = path;
            while (rest.startsWith("..")) {
                base = enclosingObject(base);
                if (base == null) {
                    return List.of();
                }
                rest = rest.startsWith("../") ? rest.substring(3) : rest.substring(2);
            }
            expression = rest.isEmpty() ? "$" : rest.startsWith("[") ? "$" + rest : "$." + rest;
        } else {
            expression = path.startsWith("[") ? "$" + path : "$." + path;
        }
        JsonPath compiledPath = compile(expression);
        if (compiledPath == null) {
            problems.putIfAbsent(path, problems.get(expression));
            return List.of();
        }
        JsonNode start = tree.root().at(JsonPointer.compile(base));
        Object found = compiledPath.read(start, PATH_LISTS);
        List<SourceNode> nodes = new ArrayList<>();
        if (found instanceof Iterable<?> paths) {
            for (Object normalized : paths) {
                String text = normalized instanceof JsonNode node ? node.asText() : String.valueOf(normalized);
                SourceNode node = node(base + JsonPaths.fromJsonPath(text));
                if (node != null) {
                    nodes.add(node);
                }
            }
        }
        return nodes;
    }

    @Override
    public Optional<MappingViolation> pathProblem(String path) {
        String problem = problems.get(path);
        return problem == null ? Optional.empty() : Optional.of(MappingViolation.ofDocument("jsonpath",
                SourceLocation.NONE, "'" + path + "' is not a valid JSONPath: " + problem));
    }

    private JsonPath compile(String expression) {
        Object compiled = COMPILED.get(expression);
        if (compiled == null) {
            try {
                compiled = JsonPath.compile(expression);
            } catch (InvalidPathException invalid) {
                compiled = String.valueOf(invalid.getMessage());
            }
            if (COMPILED.size() < MAX_COMPILED) {
                COMPILED.putIfAbsent(expression, compiled);
            }
        }
        if (compiled instanceof String problem) {
            problems.put(expression, problem);
            return null;
        }
        return (JsonPath) compiled;
    }

    /** The object around the node at {@code pointer}, stepping over arrays; null above the document. */
    private String enclosingObject(String pointer) {
        List<String> segments = JsonPaths.segments(pointer);
        if (segments.isEmpty()) {
            return null;
        }
        segments.remove(segments.size() - 1);
        while (!segments.isEmpty() && tree.root().at(JsonPointer.compile(JsonPaths.pointer(segments))).isArray()) {
            segments.remove(segments.size() - 1);
        }
        return JsonPaths.pointer(segments);
    }

    private SourceNode node(String pointer) {
        JsonNode node = tree.root().at(JsonPointer.compile(pointer));
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        List<String> segments = JsonPaths.segments(pointer);
        int position = 1;
        if (!segments.isEmpty()) {
            String last = segments.get(segments.size() - 1);
            String parent = JsonPaths.pointer(segments.subList(0, segments.size() - 1));
            if (tree.root().at(JsonPointer.compile(parent)).isArray()) {
                position = Integer.parseInt(last) + 1;
            }
        }
        SourceLocation location = tree.location(pointer);
        return new SourceNode(node.isValueNode() ? node : null, location, position, pointer);
    }
}
