package com.paysaga.local.events;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * An EventBridge event pattern, matched the way the service matches it ("Amazon EventBridge
 * event patterns" and "Comparison operators" in the EventBridge user guide):
 * <ul>
 * <li>every field of the pattern must match (AND); the array of a leaf lists alternatives (OR);</li>
 * <li>when the event's value is an array, the leaf matches if any element does;</li>
 * <li>leaf matchers: exact values (string, number compared numerically, boolean, null, the empty
 * string), {@code prefix}, {@code suffix} (each also with {@code equals-ignore-case}),
 * {@code equals-ignore-case}, {@code wildcard}, {@code anything-but} (a value, a list, or a
 * prefix / suffix / equals-ignore-case / wildcard), {@code numeric} ranges, {@code exists},
 * {@code cidr};</li>
 * <li>{@code $or} lists alternative sub-patterns at any object level.</li>
 * </ul>
 * An invalid pattern is rejected when it is built, as PutRule would reject it.
 */
public final class EventPattern {

    private final JsonNode pattern;

    private EventPattern(JsonNode pattern) {
        this.pattern = pattern;
    }

    public static EventPattern of(JsonNode pattern) {
        if (pattern == null || !pattern.isObject() || pattern.isEmpty()) {
            throw new InvalidEventPatternException("an event pattern must be a non-empty JSON object");
        }
        validateObject(pattern, "");
        return new EventPattern(pattern);
    }

    public boolean matches(JsonNode event) {
        return matchObject(pattern, event);
    }

    // ------------------------------------------------------------------ matching

    private static boolean matchObject(JsonNode pattern, JsonNode event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("$or")) {
                boolean any = false;
                for (JsonNode alternative : field.getValue()) {
                    if (matchObject(alternative, event)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
                continue;
            }
            JsonNode value = event == null || !event.isObject() ? MissingNode.getInstance() : event.path(field.getKey());
            JsonNode sub = field.getValue();
            boolean ok = sub.isObject() ? !value.isMissingNode() && matchNested(sub, value) : matchLeaf(sub, value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchNested(JsonNode pattern, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (matchObject(pattern, element)) {
                    return true;
                }
            }
            return false;
        }
        return matchObject(pattern, value);
    }

    private static boolean matchLeaf(JsonNode alternatives, JsonNode value) {
        for (JsonNode matcher : alternatives) {
            if (matcher.isObject() && matcher.has("exists")) {
                boolean exists = !value.isMissingNode();
                if (matcher.get("exists").asBoolean() == exists) {
                    return true;
                }
                continue;
            }
            if (value.isMissingNode()) {
                continue;
            }
            if (value.isArray()) {
                for (JsonNode element : value) {
                    if (matchOne(matcher, element)) {
                        return true;
                    }
                }
            } else if (matchOne(matcher, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchOne(JsonNode matcher, JsonNode value) {
        if (!matcher.isObject()) {
            return equalsExactly(matcher, value);
        }
        Map.Entry<String, JsonNode> op = matcher.fields().next();
        JsonNode arg = op.getValue();
        return switch (op.getKey()) {
            case "prefix" -> value.isTextual() && (arg.isObject()
                    ? lower(value.asText()).startsWith(lower(arg.get("equals-ignore-case").asText()))
                    : value.asText().startsWith(arg.asText()));
            case "suffix" -> value.isTextual() && (arg.isObject()
                    ? lower(value.asText()).endsWith(lower(arg.get("equals-ignore-case").asText()))
                    : value.asText().endsWith(arg.asText()));
            case "equals-ignore-case" -> value.isTextual() && value.asText().equalsIgnoreCase(arg.asText());
            case "wildcard" -> value.isTextual() && wildcard(arg.asText()).matcher(value.asText()).matches();
            case "anything-but" -> anythingBut(arg, value);
            case "numeric" -> value.isNumber() && numeric(arg, value.decimalValue());
            case "cidr" -> value.isTextual() && cidr(arg.asText(), value.asText());
            default -> false;
        };
    }

    private static boolean anythingBut(JsonNode arg, JsonNode value) {
        if (arg.isObject()) {
            Map.Entry<String, JsonNode> op = arg.fields().next();
            if (!value.isTextual()) {
                return true;
            }
            String v = value.asText();
            return switch (op.getKey()) {
                case "prefix" -> !v.startsWith(op.getValue().asText());
                case "suffix" -> !v.endsWith(op.getValue().asText());
                case "equals-ignore-case" -> values(op.getValue()).stream().noneMatch(x -> x.asText().equalsIgnoreCase(v));
                case "wildcard" -> values(op.getValue()).stream().noneMatch(x -> wildcard(x.asText()).matcher(v).matches());
                default -> false;
            };
        }
        return values(arg).stream().noneMatch(x -> equalsExactly(x, value));
    }

    private static boolean equalsExactly(JsonNode expected, JsonNode value) {
        if (expected.isNumber() && value.isNumber()) {
            return expected.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return expected.equals(value);
    }

    private static boolean numeric(JsonNode ranges, BigDecimal v) {
        for (int i = 0; i + 1 < ranges.size(); i += 2) {
            int cmp = v.compareTo(ranges.get(i + 1).decimalValue());
            boolean ok = switch (ranges.get(i).asText()) {
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case "=" -> cmp == 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean cidr(String block, String address) {
        try {
            int slash = block.indexOf('/');
            byte[] net = InetAddress.getByName(block.substring(0, slash)).getAddress();
            int bits = Integer.parseInt(block.substring(slash + 1));
            if (!address.matches("[0-9a-fA-F:.]+")) {
                return false;
            }
            byte[] addr = InetAddress.getByName(address).getAddress();
            if (net.length != addr.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | RuntimeException e) {
            return false;
        }
    }

    private static Pattern wildcard(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static List<JsonNode> values(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else {
            out.add(node);
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ validation

    private static void validateObject(JsonNode pattern, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = pattern.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            JsonNode v = f.getValue();
            if (f.getKey().equals("$or")) {
                if (!v.isArray() || v.size() < 2) {
                    throw new InvalidEventPatternException("$or at " + at + " needs an array of at least two patterns");
                }
                v.forEach(alt -> {
                    if (!alt.isObject()) {
                        throw new InvalidEventPatternException("$or at " + at + " holds a non-object");
                    }
                    validateObject(alt, path);
                });
            } else if (v.isObject()) {
                validateObject(v, at);
            } else if (v.isArray()) {
                v.forEach(m -> validateMatcher(m, at));
            } else {
                throw new InvalidEventPatternException("match value of " + at + " must be an object or an array");
            }
        }
    }

    private static void validateMatcher(JsonNode m, String at) {
        if (!m.isObject()) {
            return;
        }
        if (m.size() != 1) {
            throw new InvalidEventPatternException("matcher at " + at + " must have exactly one operator: " + m);
        }
        String op = m.fieldNames().next();
        JsonNode arg = m.get(op);
        switch (op) {
            case "prefix", "suffix" -> {
                if (!arg.isTextual() && !(arg.isObject() && arg.path("equals-ignore-case").isTextual())) {
                    throw new InvalidEventPatternException(op + " at " + at + " needs a string");
                }
            }
            case "equals-ignore-case", "wildcard", "cidr" -> {
                if (!arg.isTextual()) {
                    throw new InvalidEventPatternException(op + " at " + at + " needs a string");
                }
            }
            case "exists" -> {
                if (!arg.isBoolean()) {
                    throw new InvalidEventPatternException("exists at " + at + " needs true or false");
                }
            }
            case "numeric" -> {
                if (!arg.isArray() || arg.isEmpty() || arg.size() % 2 != 0) {
                    throw new InvalidEventPatternException("numeric at " + at + " needs operator/value pairs");
                }
                for (int i = 0; i < arg.size(); i += 2) {
                    if (!List.of("<", "<=", "=", ">", ">=").contains(arg.get(i).asText()) || !arg.get(i + 1).isNumber()) {
                        throw new InvalidEventPatternException("numeric at " + at + " has a bad pair: " + arg);
                    }
                }
            }
            case "anything-but" -> {
                if (arg.isObject() && (arg.size() != 1
                        || !List.of("prefix", "suffix", "equals-ignore-case", "wildcard").contains(arg.fieldNames().next()))) {
                    throw new InvalidEventPatternException("anything-but at " + at + " has an unsupported operator: " + arg);
                }
            }
            default -> throw new InvalidEventPatternException("unknown operator '" + op + "' at " + at);
        }
    }
}
