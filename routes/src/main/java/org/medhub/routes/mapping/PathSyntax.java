package org.medhub.routes.mapping;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import org.medhub.routes.mapping.internal.Sources;
import org.medhub.routes.mapping.internal.XmlSource;

/** Checks a path of a mapping in the path language of its format, when the mapping is read rather than on first use. */
final class PathSyntax {

    private PathSyntax() {}

    static void check(YamlKeys in, String key, String path, MappingSpec spec) {
        if (path.isBlank()) {
            in.problem(key, "path", "must not be empty");
            return;
        }
        if (path.startsWith("#")) {
            if (!path.equals("#position") && !path.equals("#line")) {
                in.problem(key, "path", "'" + path + "' is not one of #position, #line");
            }
            return;
        }
        if (spec.format() == null) {
            return;
        }
        switch (spec.format().paths()) {
            case JSONPATH -> {
                String expression;
                if (path.startsWith("$")) {
                    expression = path;
                } else if (path.startsWith("@")) {
                    expression = "$" + path.substring(1);
                } else if (path.startsWith("../") || path.equals("..")) {
                    String rest = path.replaceFirst("^(\\.\\./?)+", "");
                    expression = rest.isEmpty() ? "$" : rest.startsWith("[") ? "$" + rest : "$." + rest;
                } else {
                    in.problem(key, "jsonpath", "'" + path + "' must be a JSONPath starting with $ (the document), "
                            + "@ (the record forEach selects) or ../ (the object around it)");
                    return;
                }
                try {
                    JsonPath.compile(expression);
                } catch (InvalidPathException e) {
                    in.problem(key, "jsonpath", "'" + path + "' is not a valid JSONPath: " + e.getMessage());
                }
            }
            case XPATH -> XmlSource.checkExpression(path, Sources.prefixes(spec))
                    .ifPresent(problem -> in.problem(key, "xpath", "'" + path + "' is not a usable XPath: " + problem));
            case COLUMN -> { }
        }
    }
}
