package com.paysaga.saga.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain Java values (String, Number, Boolean, Map, List, null) to DynamoDB attribute values and
 * back, for the free-form parts of run items (the route decision, artifacts, counts). Integral
 * numbers come back as {@code Long}, others as {@code BigDecimal}: DynamoDB numbers are decimal.
 */
public final class AttributeValues {

    private AttributeValues() {
    }

    public static AttributeValue of(Object value) {
        if (value == null) {
            return AttributeValue.fromNul(true);
        }
        if (value instanceof AttributeValue av) {
            return av;
        }
        if (value instanceof String s) {
            return AttributeValue.fromS(s);
        }
        if (value instanceof Boolean b) {
            return AttributeValue.fromBool(b);
        }
        if (value instanceof Number n) {
            return AttributeValue.fromN(n instanceof BigDecimal bd ? bd.toPlainString() : n.toString());
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), of(v)));
            return AttributeValue.fromM(out);
        }
        if (value instanceof Iterable<?> it) {
            List<AttributeValue> out = new ArrayList<>();
            it.forEach(v -> out.add(of(v)));
            return AttributeValue.fromL(out);
        }
        if (value instanceof Enum<?> e) {
            return AttributeValue.fromS(e.name());
        }
        return AttributeValue.fromS(value.toString());
    }

    public static Object toJava(AttributeValue value) {
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return null;
        }
        if (value.s() != null) {
            return value.s();
        }
        if (value.n() != null) {
            BigDecimal n = new BigDecimal(value.n());
            try {
                return n.longValueExact();
            } catch (ArithmeticException notIntegral) {
                return n;
            }
        }
        if (value.bool() != null) {
            return value.bool();
        }
        if (value.hasM()) {
            Map<String, Object> out = new LinkedHashMap<>();
            value.m().forEach((k, v) -> out.put(k, toJava(v)));
            return out;
        }
        if (value.hasL()) {
            List<Object> out = new ArrayList<>();
            value.l().forEach(v -> out.add(toJava(v)));
            return out;
        }
        if (value.hasSs()) {
            return List.copyOf(value.ss());
        }
        if (value.hasNs()) {
            return value.ns().stream().map(BigDecimal::new).toList();
        }
        throw new IllegalArgumentException("unsupported attribute value " + value);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(AttributeValue value) {
        Object o = toJava(value);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
