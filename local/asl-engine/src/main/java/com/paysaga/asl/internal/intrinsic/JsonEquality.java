package com.paysaga.asl.internal.intrinsic;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.internal.json.Json;

/** JSON value equality in which 1, 1.0 and 1e0 are the same number and key order does not matter. */
public final class JsonEquality {

    private JsonEquality() {
    }

    public static boolean equal(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    /** A text form that is identical for equal JSON values. */
    public static String canonical(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node.isNumber()) {
            sb.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            sb.append('{');
            sorted.forEach((k, v) -> {
                sb.append(Json.compact(Json.NODES.textNode(k))).append(':');
                write(v, sb);
                sb.append(',');
            });
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            node.forEach(v -> {
                write(v, sb);
                sb.append(',');
            });
            sb.append(']');
        } else {
            sb.append(Json.compact(node));
        }
    }
}
