package com.paysaga.asl.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's one JSON configuration. Nodes handed between states are treated as immutable:
 * every transformation builds new containers (copy on write), so a subtree can be shared by the
 * input of one state and the output of the next without defensive copies on every transition.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder().build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node == null ? NullNode.getInstance() : node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode tree always serializes", e);
        }
    }

    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** An integer as the parser would read it: an int node when it fits, as Jackson does. */
    public static JsonNode integer(long value) {
        return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    /** Never null: Jackson returns {@code null} for an empty document, the service sees null. */
    public static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }
}
