package com.paysaga.asl.internal.intrinsic;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.path.JsonPaths;
import com.paysaga.asl.internal.run.StatesFailure;

/**
 * The intrinsic functions of the developer guide ("Intrinsic functions for JSONPath states"),
 * with the limits it states: 10,000 characters for Base64 and Hash input, 1,000 elements for
 * {@code ArrayRange}, shallow merge only for {@code JsonMerge}.
 */
public final class IntrinsicFunctions {

    private static final int MAX_STRING = 10_000;
    private static final int MAX_RANGE = 1_000;
    private static final Map<String, String> HASH_ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    /** Function name → {min, max} argument count; max -1 means unbounded. */
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("States.Format", new int[] {1, -1}),
            Map.entry("States.StringToJson", new int[] {1, 1}),
            Map.entry("States.JsonToString", new int[] {1, 1}),
            Map.entry("States.Array", new int[] {0, -1}),
            Map.entry("States.ArrayPartition", new int[] {2, 2}),
            Map.entry("States.ArrayContains", new int[] {2, 2}),
            Map.entry("States.ArrayRange", new int[] {3, 3}),
            Map.entry("States.ArrayGetItem", new int[] {2, 2}),
            Map.entry("States.ArrayLength", new int[] {1, 1}),
            Map.entry("States.ArrayUnique", new int[] {1, 1}),
            Map.entry("States.Base64Encode", new int[] {1, 1}),
            Map.entry("States.Base64Decode", new int[] {1, 1}),
            Map.entry("States.Hash", new int[] {2, 2}),
            Map.entry("States.JsonMerge", new int[] {3, 3}),
            Map.entry("States.MathRandom", new int[] {2, 3}),
            Map.entry("States.MathAdd", new int[] {2, 2}),
            Map.entry("States.StringSplit", new int[] {2, 2}),
            Map.entry("States.UUID", new int[] {0, 0}));

    private IntrinsicFunctions() {
    }

    public static boolean isKnown(String name) {
        return ARITY.containsKey(name);
    }

    static void checkArity(Intrinsic.Call call) throws IntrinsicSyntaxException {
        int[] arity = ARITY.get(call.function());
        int n = call.arguments().size();
        if (n < arity[0] || (arity[1] >= 0 && n > arity[1])) {
            String expected = arity[1] < 0 ? "at least " + arity[0]
                    : arity[0] == arity[1] ? String.valueOf(arity[0]) : arity[0] + " to " + arity[1];
            throw new IntrinsicSyntaxException(call.function() + " takes " + expected + " argument(s), got " + n);
        }
        for (Intrinsic a : call.arguments()) {
            if (a instanceof Intrinsic.Call nested) {
                checkArity(nested);
            }
        }
    }

    /** Evaluation of one field's expression; {@code expression} is its text, quoted in causes. */
    public static JsonNode evaluate(Intrinsic.Call call, String expression, JsonNode input, Supplier<JsonNode> context) {
        return new Evaluation(expression, input, context).call(call);
    }

    private static final class Evaluation {
        private final String expression;
        private final JsonNode input;
        private final Supplier<JsonNode> context;

        Evaluation(String expression, JsonNode input, Supplier<JsonNode> context) {
            this.expression = expression;
            this.input = input;
            this.context = context;
        }

        JsonNode value(Intrinsic arg) {
            return switch (arg) {
                case Intrinsic.Literal l -> l.value();
                case Intrinsic.StringLiteral s -> Json.NODES.textNode(s.value());
                case Intrinsic.Call c -> call(c);
                case Intrinsic.Path p -> {
                    try {
                        yield JsonPaths.read(p.path(), input, context);
                    } catch (JsonPaths.PathMissingException e) {
                        JsonNode searched = JsonPaths.isContextPath(p.path()) ? context.get() : input;
                        throw StatesFailure.detected(ErrorNames.RUNTIME, prefix()
                                + "The JsonPath argument for the field '" + p.path()
                                + "' could not be found in the input '" + Json.compact(searched) + "'");
                    }
                }
            };
        }

        private String prefix() {
            return "The function '" + expression + "' had the following error: ";
        }

        private StatesFailure fail(String message) {
            return StatesFailure.detected(ErrorNames.INTRINSIC_FAILURE, prefix() + message);
        }

        JsonNode call(Intrinsic.Call c) {
            List<Intrinsic> a = c.arguments();
            String f = c.function();
            return switch (f) {
                case "States.Format" -> format(c);
                case "States.StringToJson" -> {
                    String s = string(f, value(a.get(0)), "argument");
                    try {
                        yield Json.orNull(Json.parse(s));
                    } catch (JsonProcessingException e) {
                        throw fail("the argument is not valid JSON: " + e.getOriginalMessage());
                    }
                }
                case "States.JsonToString" -> Json.NODES.textNode(Json.compact(value(a.get(0))));
                case "States.Array" -> {
                    ArrayNode out = Json.NODES.arrayNode(a.size());
                    a.forEach(arg -> out.add(value(arg)));
                    yield out;
                }
                case "States.ArrayPartition" -> {
                    ArrayNode array = array(f, value(a.get(0)));
                    long size = integer(f, value(a.get(1)), "chunk size");
                    if (size <= 0) {
                        throw fail("the chunk size must be a positive integer, got " + size);
                    }
                    ArrayNode out = Json.NODES.arrayNode();
                    ArrayNode chunk = null;
                    for (int i = 0; i < array.size(); i++) {
                        if (i % size == 0) {
                            chunk = out.addArray();
                        }
                        chunk.add(array.get(i));
                    }
                    yield out;
                }
                case "States.ArrayContains" -> {
                    ArrayNode array = array(f, value(a.get(0)));
                    JsonNode wanted = value(a.get(1));
                    boolean found = false;
                    for (JsonNode e : array) {
                        if (JsonEquality.equal(e, wanted)) {
                            found = true;
                            break;
                        }
                    }
                    yield Json.NODES.booleanNode(found);
                }
                case "States.ArrayRange" -> {
                    long start = integer(f, value(a.get(0)), "start");
                    long end = integer(f, value(a.get(1)), "end");
                    long step = integer(f, value(a.get(2)), "step");
                    if (step == 0) {
                        throw fail("the step must not be 0");
                    }
                    ArrayNode out = Json.NODES.arrayNode();
                    for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
                        if (out.size() == MAX_RANGE) {
                            throw fail("the range has more than " + MAX_RANGE + " elements");
                        }
                        out.add(Json.integer(v));
                    }
                    yield out;
                }
                case "States.ArrayGetItem" -> {
                    ArrayNode array = array(f, value(a.get(0)));
                    long index = integer(f, value(a.get(1)), "index");
                    if (index < 0 || index >= array.size()) {
                        throw fail("index " + index + " is outside an array of " + array.size() + " elements");
                    }
                    yield array.get((int) index);
                }
                case "States.ArrayLength" -> Json.NODES.numberNode(array(f, value(a.get(0))).size());
                case "States.ArrayUnique" -> {
                    ArrayNode array = array(f, value(a.get(0)));
                    ArrayNode out = Json.NODES.arrayNode();
                    Set<String> seen = new LinkedHashSet<>();
                    for (JsonNode e : array) {
                        if (seen.add(JsonEquality.canonical(e))) {
                            out.add(e);
                        }
                    }
                    yield out;
                }
                case "States.Base64Encode" -> {
                    String s = limited(f, string(f, value(a.get(0)), "argument"));
                    yield Json.NODES.textNode(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
                }
                case "States.Base64Decode" -> {
                    String s = limited(f, string(f, value(a.get(0)), "argument"));
                    try {
                        yield Json.NODES.textNode(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        throw fail("the argument is not valid Base64: " + e.getMessage());
                    }
                }
                case "States.Hash" -> {
                    JsonNode data = value(a.get(0));
                    String text = limited(f, data.isTextual() ? data.textValue() : Json.compact(data));
                    String algorithm = string(f, value(a.get(1)), "algorithm");
                    String jca = HASH_ALGORITHMS.get(algorithm);
                    if (jca == null) {
                        throw fail("the hashing algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, got '"
                                + algorithm + "'");
                    }
                    try {
                        byte[] digest = MessageDigest.getInstance(jca).digest(text.getBytes(StandardCharsets.UTF_8));
                        yield Json.NODES.textNode(HexFormat.of().formatHex(digest));
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException("every JDK provides " + jca, e);
                    }
                }
                case "States.JsonMerge" -> {
                    JsonNode left = value(a.get(0));
                    JsonNode right = value(a.get(1));
                    JsonNode deep = value(a.get(2));
                    if (!left.isObject() || !right.isObject()) {
                        throw fail("both JSON arguments must be objects");
                    }
                    if (!deep.isBoolean()) {
                        throw fail("the third argument must be a boolean");
                    }
                    if (deep.booleanValue()) {
                        throw fail("only the shallow merge is supported, the third argument must be false");
                    }
                    ObjectNode out = Json.object();
                    left.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
                    right.properties().forEach(e -> out.set(e.getKey(), e.getValue()));
                    yield out;
                }
                case "States.MathRandom" -> {
                    long start = integer(f, value(a.get(0)), "start");
                    long end = integer(f, value(a.get(1)), "end");
                    if (start >= end) {
                        throw fail("the start must be lower than the end");
                    }
                    Random random = a.size() == 3
                            ? new Random(integer(f, value(a.get(2)), "seed"))
                            : ThreadLocalRandom.current();
                    yield Json.integer(random.nextLong(start, end));
                }
                case "States.MathAdd" -> {
                    long x = integer(f, value(a.get(0)), "first argument");
                    long y = integer(f, value(a.get(1)), "second argument");
                    try {
                        yield Json.integer(Math.addExact(x, y));
                    } catch (ArithmeticException e) {
                        throw fail("the sum overflows");
                    }
                }
                case "States.StringSplit" -> {
                    String s = string(f, value(a.get(0)), "first argument");
                    String delimiters = string(f, value(a.get(1)), "delimiter");
                    ArrayNode out = Json.NODES.arrayNode();
                    StringTokenizer tokens = new StringTokenizer(s, delimiters);
                    while (tokens.hasMoreTokens()) {
                        out.add(tokens.nextToken());
                    }
                    yield out;
                }
                case "States.UUID" -> Json.NODES.textNode(UUID.randomUUID().toString());
                default -> throw new IllegalStateException("unknown intrinsic passed validation: " + f);
            };
        }

        private JsonNode format(Intrinsic.Call c) {
            List<Intrinsic> a = c.arguments();
            List<String> parts;
            if (a.get(0) instanceof Intrinsic.StringLiteral literal) {
                parts = literal.formatParts();
            } else {
                parts = splitTemplate(string(c.function(), value(a.get(0)), "template"));
            }
            int placeholders = parts.size() - 1;
            if (placeholders != a.size() - 1) {
                throw fail("the template has " + placeholders + " placeholder(s) but " + (a.size() - 1)
                        + " value(s) were given");
            }
            StringBuilder out = new StringBuilder(parts.get(0));
            for (int i = 1; i < a.size(); i++) {
                JsonNode v = value(a.get(i));
                out.append(v.isTextual() ? v.textValue() : Json.compact(v)).append(parts.get(i));
            }
            return Json.NODES.textNode(out.toString());
        }

        private List<String> splitTemplate(String template) {
            List<String> parts = new ArrayList<>();
            StringBuilder part = new StringBuilder();
            for (int i = 0; i < template.length(); i++) {
                char ch = template.charAt(i);
                if (ch == '\\' && i + 1 < template.length() && "'{}\\".indexOf(template.charAt(i + 1)) >= 0) {
                    part.append(template.charAt(++i));
                } else if (ch == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                    parts.add(part.toString());
                    part.setLength(0);
                    i++;
                } else {
                    part.append(ch);
                }
            }
            parts.add(part.toString());
            return parts;
        }

        private String string(String f, JsonNode v, String what) {
            if (!v.isTextual()) {
                throw fail("the " + what + " of " + f + " must be a string, got " + Json.compact(v));
            }
            return v.textValue();
        }

        private String limited(String f, String s) {
            if (s.length() > MAX_STRING) {
                throw fail("the input of " + f + " exceeds " + MAX_STRING + " characters");
            }
            return s;
        }

        private ArrayNode array(String f, JsonNode v) {
            if (!v.isArray()) {
                throw fail("the first argument of " + f + " must be an array, got " + Json.compact(v));
            }
            return (ArrayNode) v;
        }

        private long integer(String f, JsonNode v, String what) {
            if (v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            if (v.isNumber() && v.decimalValue().stripTrailingZeros().scale() <= 0) {
                return v.decimalValue().longValue();
            }
            throw fail("the " + what + " of " + f + " must be an integer, got " + Json.compact(v));
        }
    }
}
