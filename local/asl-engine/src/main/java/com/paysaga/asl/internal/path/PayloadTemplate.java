package com.paysaga.asl.internal.path;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.internal.intrinsic.Intrinsic;
import com.paysaga.asl.internal.intrinsic.IntrinsicFunctions;
import com.paysaga.asl.internal.intrinsic.IntrinsicParser;
import com.paysaga.asl.internal.intrinsic.IntrinsicSyntaxException;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.run.StatesFailure;

/**
 * A payload template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}, …): a
 * JSON value in which an object key ending in {@code .$} takes the value of a path or of an
 * intrinsic function call, and loses its {@code .$} suffix. Compiled once at load so that a
 * template without dynamic keys costs nothing per transition.
 */
public final class PayloadTemplate {

    private sealed interface Node permits Static, Obj, Arr, FromPath, FromIntrinsic {
    }

    private record Static(JsonNode value) implements Node {
    }

    private record Obj(List<Map.Entry<String, Node>> fields) implements Node {
    }

    private record Arr(List<Node> items) implements Node {
    }

    private record FromPath(String field, String path) implements Node {
    }

    private record FromIntrinsic(String field, String expression, Intrinsic.Call call) implements Node {
    }

    /** A problem found while compiling, with the JSON pointer of the offending field. */
    public record Problem(String pointer, String message) {
    }

    private final Node root;

    private PayloadTemplate(Node root) {
        this.root = root;
    }

    /**
     * Compiles {@code template}; problems (a {@code .$} value that is neither a path nor an
     * intrinsic call) are added to {@code problems} with pointers under {@code pointer}.
     */
    public static PayloadTemplate compile(JsonNode template, String pointer, List<Problem> problems) {
        return new PayloadTemplate(compileNode(template, pointer, problems));
    }

    private static Node compileNode(JsonNode node, String pointer, List<Problem> problems) {
        if (node.isObject()) {
            List<Map.Entry<String, Node>> fields = new ArrayList<>();
            boolean dynamic = false;
            for (var e : node.properties()) {
                String key = e.getKey();
                String childPointer = pointer + "/" + key;
                Node child;
                if (key.endsWith(".$")) {
                    dynamic = true;
                    child = compileDynamic(key, e.getValue(), pointer, problems);
                    key = key.substring(0, key.length() - 2);
                } else {
                    child = compileNode(e.getValue(), childPointer, problems);
                    dynamic |= !(child instanceof Static);
                }
                fields.add(Map.entry(key, child));
            }
            return dynamic ? new Obj(List.copyOf(fields)) : new Static(node);
        }
        if (node.isArray()) {
            List<Node> items = new ArrayList<>();
            boolean dynamic = false;
            int i = 0;
            for (JsonNode item : node) {
                Node child = compileNode(item, pointer + "/" + i++, problems);
                dynamic |= !(child instanceof Static);
                items.add(child);
            }
            return dynamic ? new Arr(List.copyOf(items)) : new Static(node);
        }
        return new Static(node);
    }

    /**
     * A single dynamic value, for fields such as the Fail state's {@code ErrorPath} that take a
     * path or an intrinsic call directly; {@code field} names it in messages.
     */
    public static PayloadTemplate single(String field, JsonNode value, String pointer, List<Problem> problems) {
        return new PayloadTemplate(compileDynamic(field, value, pointer, problems));
    }

    private static Node compileDynamic(String key, JsonNode value, String pointer, List<Problem> problems) {
        String invalid = "The value for the field '" + key + "' must be a valid JSONPath or a valid intrinsic function call";
        if (!value.isTextual()) {
            problems.add(new Problem(pointer, invalid));
            return new Static(value);
        }
        String text = value.textValue();
        if (IntrinsicParser.looksLikeIntrinsic(text)) {
            try {
                return new FromIntrinsic(key, text, IntrinsicParser.parse(text));
            } catch (IntrinsicSyntaxException e) {
                problems.add(new Problem(pointer, invalid + " (" + e.getMessage() + ")"));
                return new Static(value);
            }
        }
        if (JsonPaths.syntaxError(text).isPresent()) {
            problems.add(new Problem(pointer, invalid));
            return new Static(value);
        }
        return new FromPath(key, text);
    }

    /** Whether evaluation can read the context object; lets callers skip building it. */
    public boolean isStatic() {
        return root instanceof Static;
    }

    /**
     * Evaluates the template against {@code input}. A path that selects nothing fails with
     * {@code States.Runtime} and the service's cause ("The JSONPath '$.x' specified for the field
     * 'y.$' could not be found in the input '{…}'"), which is what the service reports although
     * the guide also names {@code States.ParameterPathFailure} for this case.
     */
    public JsonNode evaluate(JsonNode input, Supplier<JsonNode> context) {
        return eval(root, input, context);
    }

    private static JsonNode eval(Node node, JsonNode input, Supplier<JsonNode> context) {
        return switch (node) {
            case Static s -> s.value();
            case Obj o -> {
                ObjectNode out = Json.object();
                for (var e : o.fields()) {
                    out.set(e.getKey(), eval(e.getValue(), input, context));
                }
                yield out;
            }
            case Arr a -> {
                ArrayNode out = Json.NODES.arrayNode(a.items().size());
                for (Node item : a.items()) {
                    out.add(eval(item, input, context));
                }
                yield out;
            }
            case FromPath p -> {
                try {
                    yield JsonPaths.read(p.path(), input, context);
                } catch (JsonPaths.PathMissingException e) {
                    JsonNode searched = JsonPaths.isContextPath(p.path()) ? context.get() : input;
                    throw StatesFailure.detected(ErrorNames.RUNTIME, "The JSONPath '" + p.path()
                            + "' specified for the field '" + p.field() + "' could not be found in the input '"
                            + Json.compact(searched) + "'");
                }
            }
            case FromIntrinsic f -> IntrinsicFunctions.evaluate(f.call(), f.expression(), input, context);
        };
    }
}
