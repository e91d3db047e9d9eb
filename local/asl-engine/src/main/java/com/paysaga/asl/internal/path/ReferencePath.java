package com.paysaga.asl.internal.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.internal.json.Json;

/**
 * A reference path (developer guide, "Reference paths"): {@code $} followed by object fields in
 * dot or bracket notation and array indexes only, so that it identifies a single node. The
 * operators {@code @ .. , : ? *} and functions are not allowed. {@code ResultPath} must be one;
 * for the other fields this class is the fast path in front of Jayway.
 */
public final class ReferencePath {

    private static final String FORBIDDEN_IN_NAME = ".[]*@,:?()'\"$ \t\r\n";

    private final String text;
    private final List<Object> segments;

    private ReferencePath(String text, List<Object> segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Empty when {@code text} is not a reference path. */
    public static Optional<ReferencePath> parse(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            return Optional.empty();
        }
        List<Object> segments = new ArrayList<>();
        int i = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && FORBIDDEN_IN_NAME.indexOf(text.charAt(i)) < 0) {
                    i++;
                }
                if (i == start) {
                    return Optional.empty();
                }
                segments.add(text.substring(start, i));
            } else if (c == '[') {
                i++;
                if (i >= n) {
                    return Optional.empty();
                }
                char q = text.charAt(i);
                if (q == '\'' || q == '"') {
                    int close = text.indexOf(q, i + 1);
                    if (close < 0 || close + 1 >= n || text.charAt(close + 1) != ']') {
                        return Optional.empty();
                    }
                    segments.add(text.substring(i + 1, close));
                    i = close + 2;
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                    if (i == start || i >= n || text.charAt(i) != ']') {
                        return Optional.empty();
                    }
                    segments.add(Integer.parseInt(text.substring(start, i)));
                    i++;
                }
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new ReferencePath(text, List.copyOf(segments)));
    }

    public String text() {
        return text;
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The node at this path, empty when any step is missing. A JSON null that is present is returned. */
    public Optional<JsonNode> get(JsonNode root) {
        JsonNode node = root;
        for (Object seg : segments) {
            if (seg instanceof String name) {
                if (node == null || !node.isObject() || !node.has(name)) {
                    return Optional.empty();
                }
                node = node.get(name);
            } else {
                int index = (Integer) seg;
                if (node == null || !node.isArray() || index >= node.size()) {
                    return Optional.empty();
                }
                node = node.get(index);
            }
        }
        return Optional.of(node);
    }

    /**
     * A copy of {@code root} with {@code value} placed at this path, creating missing objects on
     * the way as the service does for {@code ResultPath}. Only the containers along the path are
     * copied; the rest is shared.
     *
     * @throws IllegalArgumentException when a step meets a value that is not a container of the
     *     right kind, or an array index that does not exist
     */
    public JsonNode set(JsonNode root, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        return setAt(root, 0, value);
    }

    private JsonNode setAt(JsonNode node, int depth, JsonNode value) {
        if (depth == segments.size()) {
            return value;
        }
        Object seg = segments.get(depth);
        if (seg instanceof String name) {
            ObjectNode copy;
            if (node == null || node.isMissingNode()) {
                copy = Json.object();
            } else if (node.isObject()) {
                copy = Json.object();
                ObjectNode target = copy;
                node.properties().forEach(e -> target.set(e.getKey(), e.getValue()));
            } else {
                throw new IllegalArgumentException("step '" + name + "' meets " + describe(node));
            }
            copy.set(name, setAt(node == null ? null : node.get(name), depth + 1, value));
            return copy;
        }
        int index = (Integer) seg;
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("index [" + index + "] meets " + (node == null ? "nothing" : describe(node)));
        }
        if (index >= node.size()) {
            throw new IllegalArgumentException("index [" + index + "] is outside an array of " + node.size());
        }
        ArrayNode copy = Json.NODES.arrayNode(node.size());
        for (int k = 0; k < node.size(); k++) {
            copy.add(k == index ? setAt(node.get(k), depth + 1, value) : node.get(k));
        }
        return copy;
    }

    private static String describe(JsonNode node) {
        return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " value";
    }

    /** Jayway's bracket rendering of the first {@code count} steps, as it appears in the service's messages. */
    public String render(int count) {
        StringBuilder sb = new StringBuilder("$");
        for (int k = 0; k < count; k++) {
            Object seg = segments.get(k);
            if (seg instanceof String s) {
                sb.append("['").append(s).append("']");
            } else {
                sb.append('[').append(seg).append(']');
            }
        }
        return sb.toString();
    }

    public int size() {
        return segments.size();
    }

    @Override
    public String toString() {
        return text;
    }
}
