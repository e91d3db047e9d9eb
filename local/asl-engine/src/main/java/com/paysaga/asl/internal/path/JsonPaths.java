package com.paysaga.asl.internal.path;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import com.paysaga.asl.internal.json.Json;

/**
 * Path evaluation with the service's semantics. Step Functions evaluates JSONPath with Jayway
 * JsonPath (its messages, e.g. "No results for path: $['a']", appear verbatim in the service's
 * error causes), so Jayway is used here too; reference paths, by far the most common, take a
 * faster walk and only fall back to Jayway to word the message of a miss. A path that starts
 * with {@code $$} addresses the context object.
 */
public final class JsonPaths {

    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    /** Thrown when a path selects nothing; the message is Jayway's, as the service reports it. */
    public static final class PathMissingException extends Exception {
        private final String path;

        PathMissingException(String path, String message) {
            super(message, null, false, false);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** Whether {@code path} is a syntactically valid path ({@code $…} or {@code $$…}). */
    public static Optional<String> syntaxError(String path) {
        if (path == null || !path.startsWith("$")) {
            return Optional.of("a path must start with '$'");
        }
        Optional<String> unbalanced = unbalanced(path);
        if (unbalanced.isPresent()) {
            return unbalanced;
        }
        try {
            compile(path);
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            // Jayway fails on some malformed paths with other exceptions (e.g. "$[").
            return Optional.of("malformed path");
        }
    }

    /** Jayway accepts a few unbalanced forms ("$.a[", "$.a]") that the service refuses. */
    private static Optional<String> unbalanced(String path) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                if (--depth < 0) {
                    return Optional.of("unbalanced '" + c + "' at position " + i);
                }
            }
        }
        if (quote != 0 || depth != 0) {
            return Optional.of("unclosed bracket or quote");
        }
        return Optional.empty();
    }

    public static boolean isContextPath(String path) {
        return path.startsWith("$$");
    }

    /**
     * The value selected by {@code path} in {@code input} (or, for {@code $$…}, in the context
     * object that {@code context} builds on demand). A definite path that selects nothing throws;
     * an indefinite one (wildcards, filters, deep scan) yields an array, possibly empty.
     */
    public static JsonNode read(String path, JsonNode input, Supplier<JsonNode> context) throws PathMissingException {
        Compiled c = compile(path);
        JsonNode root = c.context ? context.get() : input;
        return c.read(root);
    }

    private static Compiled compile(String path) {
        Compiled c = CACHE.get(path);
        if (c == null) {
            c = new Compiled(path);
            if (CACHE.size() < 10_000) {
                CACHE.put(path, c);
            }
        }
        return c;
    }

    private static final class Compiled {
        final String original;
        final boolean context;
        final ReferencePath reference;
        final JsonPath jayway;

        Compiled(String original) {
            this.original = original;
            this.context = original.startsWith("$$");
            String own = context ? original.substring(1) : original;
            this.reference = ReferencePath.parse(own).orElse(null);
            this.jayway = JsonPath.compile(own);
        }

        JsonNode read(JsonNode root) throws PathMissingException {
            if (reference != null) {
                Optional<JsonNode> hit = reference.get(root);
                if (hit.isPresent()) {
                    return hit.get();
                }
                throw new PathMissingException(original, jaywayMissMessage(root));
            }
            try {
                Object result = jayway.read(root, JAYWAY);
                return toNode(result);
            } catch (JsonPathException e) {
                throw new PathMissingException(original, e.getMessage());
            }
        }

        private String jaywayMissMessage(JsonNode root) {
            try {
                jayway.read(root, JAYWAY);
            } catch (JsonPathException e) {
                return e.getMessage();
            }
            // Jayway reads an index beyond the end of an array as null; the service treats the
            // node as missing.
            return "No results for path: " + reference.render(reference.size());
        }
    }

    private static JsonNode toNode(Object result) {
        if (result == null) {
            return NullNode.getInstance();
        }
        if (result instanceof JsonNode node) {
            return node;
        }
        return Json.MAPPER.valueToTree(result);
    }
}
