package com.paysaga.saga.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds one {@code UpdateItem} with a placeholder for every attribute name and value, so that
 * names that are DynamoDB reserved words ({@code status}, {@code name}, {@code key}) and values of
 * any content need no escaping at the call sites.
 */
final class UpdateExpression {

    private final List<String> sets = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();
    private String condition;

    String name(String attribute) {
        for (var e : names.entrySet()) {
            if (e.getValue().equals(attribute)) {
                return e.getKey();
            }
        }
        String placeholder = "#n" + names.size();
        names.put(placeholder, attribute);
        return placeholder;
    }

    String value(AttributeValue v) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, v);
        return placeholder;
    }

    /** {@code path} is an attribute name, or {@code map.key} where {@code key} is already a placeholder. */
    private String path(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? name(path) : name(path.substring(0, dot)) + "." + path.substring(dot + 1);
    }

    void set(String path, AttributeValue v) {
        sets.add(path(path) + " = " + value(v));
    }

    /** Sets {@code attribute} to an expression in which {@code #self} stands for the attribute. */
    void setExpression(String attribute, String expression) {
        String self = name(attribute);
        sets.add(self + " = " + expression.replace("#self", self));
    }

    void add(String attribute, AttributeValue v) {
        adds.add(name(attribute) + " " + value(v));
    }

    void remove(String attribute) {
        removes.add(name(attribute));
    }

    void condition(String expression) {
        this.condition = expression;
    }

    String condition() {
        return condition;
    }

    UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
        StringBuilder expr = new StringBuilder();
        if (!sets.isEmpty()) {
            expr.append("SET ").append(String.join(", ", sets));
        }
        if (!adds.isEmpty()) {
            expr.append(expr.isEmpty() ? "" : " ").append("ADD ").append(String.join(", ", adds));
        }
        if (!removes.isEmpty()) {
            expr.append(expr.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(table).key(key)
                .updateExpression(expr.toString()).returnValues(ReturnValue.NONE);
        if (!names.isEmpty()) {
            b.expressionAttributeNames(names);
        }
        if (!values.isEmpty()) {
            b.expressionAttributeValues(values);
        }
        if (condition != null) {
            b.conditionExpression(condition);
        }
        return b.build();
    }
}
