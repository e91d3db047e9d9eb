package com.paysaga.asl.internal.choice;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.internal.path.JsonPaths;
import com.paysaga.asl.internal.run.StatesFailure;

/**
 * A Choice rule's boolean expression (developer guide, "Choice workflow state"): a comparison of
 * a {@code Variable} with a literal or with another path ({@code …Path} operators), a type test,
 * or {@code And} / {@code Or} / {@code Not}. A comparison whose operands are of another type than
 * the operator's is false, not an error; a {@code Variable} that selects nothing is an error
 * except for {@code IsPresent}.
 */
public sealed interface Condition {

    boolean test(JsonNode input, Supplier<JsonNode> context);

    record And(List<Condition> all) implements Condition {
        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            for (Condition c : all) {
                if (!c.test(input, context)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Or(List<Condition> any) implements Condition {
        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            for (Condition c : any) {
                if (c.test(input, context)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            return !inner.test(input, context);
        }
    }

    /** {@code operand} is the literal, or null when {@code operandPath} is set. */
    record Compare(String variable, Operator operator, JsonNode operand, String operandPath, Pattern matches)
            implements Condition {

        @Override
        public boolean test(JsonNode input, Supplier<JsonNode> context) {
            JsonNode value;
            try {
                value = JsonPaths.read(variable, input, context);
            } catch (JsonPaths.PathMissingException e) {
                if (operator == Operator.IsPresent) {
                    return !operand.booleanValue();
                }
                throw invalidPath(variable);
            }
            if (operator == Operator.IsPresent) {
                return operand.booleanValue();
            }
            JsonNode other = operand;
            if (operandPath != null) {
                try {
                    other = JsonPaths.read(operandPath, input, context);
                } catch (JsonPaths.PathMissingException e) {
                    throw invalidPath(operandPath);
                }
            }
            return switch (operator.kind()) {
                case IS -> isTest(value) == other.booleanValue();
                case MATCHES -> value.isTextual() && matches.matcher(value.textValue()).matches();
                case STRING -> value.isTextual() && other.isTextual()
                        && operator.holds(value.textValue().compareTo(other.textValue()));
                case NUMERIC -> value.isNumber() && other.isNumber()
                        && operator.holds(value.decimalValue().compareTo(other.decimalValue()));
                case BOOLEAN -> value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
                case TIMESTAMP -> {
                    Instant a = timestamp(value);
                    Instant b = timestamp(other);
                    yield a != null && b != null && operator.holds(a.compareTo(b));
                }
            };
        }

        private boolean isTest(JsonNode value) {
            return switch (operator) {
                case IsNull -> value.isNull();
                case IsNumeric -> value.isNumber();
                case IsString -> value.isTextual();
                case IsBoolean -> value.isBoolean();
                case IsTimestamp -> timestamp(value) != null;
                default -> throw new IllegalStateException(operator + " is not a type test");
            };
        }

        private static StatesFailure invalidPath(String path) {
            return StatesFailure.detected(ErrorNames.RUNTIME,
                    "Invalid path '" + path + "': The choice state's condition path references an invalid value.");
        }
    }

    /**
     * The service's timestamps: RFC 3339 with an uppercase {@code T} between date and time and an
     * uppercase {@code Z} when no numeric offset is given. Null when {@code value} is not one.
     */
    static Instant timestamp(JsonNode value) {
        if (value == null || !value.isTextual()) {
            return null;
        }
        return parseTimestamp(value.textValue());
    }

    Pattern RFC3339 = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    static Instant parseTimestamp(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code StringMatches}: {@code *} matches any run of characters; {@code \*} is a literal
     * asterisk and {@code \\} a literal backslash.
     */
    static Pattern wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(".*");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
