package com.paysaga.asl.internal.intrinsic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.path.JsonPaths;

/**
 * Parses {@code States.Name(arg, …)}. Arguments are quoted strings ({@code '…'}, with the
 * reserved characters {@code ' { } \} escaped by a backslash), numbers, {@code true},
 * {@code false}, {@code null}, paths and nested calls; the guide allows up to 10 intrinsic calls
 * in one field. An open escape backslash is an error, as on the service.
 */
public final class IntrinsicParser {

    static final int MAX_NESTING = 10;

    private final String text;
    private int pos;
    private int calls;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    public static boolean looksLikeIntrinsic(String value) {
        return value.startsWith("States.");
    }

    public static Intrinsic.Call parse(String text) throws IntrinsicSyntaxException {
        IntrinsicParser p = new IntrinsicParser(text);
        p.skipSpace();
        Intrinsic.Call call = p.call(1);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the closing parenthesis");
        }
        IntrinsicFunctions.checkArity(call);
        return call;
    }

    private Intrinsic.Call call(int depth) throws IntrinsicSyntaxException {
        int start = pos;
        if (!text.startsWith("States.", pos)) {
            throw error("expected an intrinsic function name starting with 'States.'");
        }
        pos += "States.".length();
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        if (!IntrinsicFunctions.isKnown(name)) {
            throw new IntrinsicSyntaxException("'" + name + "' is not an intrinsic function");
        }
        skipSpace();
        expect('(');
        // The guide's limit counts every call in the field: its example "myArn.$" is said to hold
        // nine nested functions, a Format around two chains of four calls.
        if (++calls > MAX_NESTING) {
            throw error("more than " + MAX_NESTING + " nested intrinsic functions in one field");
        }
        List<Intrinsic> args = new ArrayList<>();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return new Intrinsic.Call(name, List.copyOf(args));
        }
        while (true) {
            skipSpace();
            args.add(argument(depth));
            skipSpace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ')') {
                pos++;
                return new Intrinsic.Call(name, List.copyOf(args));
            } else {
                throw error("expected ',' or ')'");
            }
        }
    }

    private Intrinsic argument(int depth) throws IntrinsicSyntaxException {
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return path();
        }
        if (text.startsWith("States.", pos)) {
            return call(depth + 1);
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, pos) && !Character.isLetterOrDigit(charAt(pos + word.length()))) {
                pos += word.length();
                return new Intrinsic.Literal(switch (word) {
                    case "true" -> Json.NODES.booleanNode(true);
                    case "false" -> Json.NODES.booleanNode(false);
                    default -> Json.NODES.nullNode();
                });
            }
        }
        throw error("expected an argument (a 'string', a number, true, false, null, a path or an intrinsic function)");
    }

    private Intrinsic string() throws IntrinsicSyntaxException {
        pos++;
        StringBuilder value = new StringBuilder();
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    throw error("open escape backslash");
                }
                char e = text.charAt(pos++);
                if (e != '\'' && e != '{' && e != '}' && e != '\\') {
                    throw error("open escape backslash before '" + e + "'");
                }
                value.append(e);
                part.append(e);
            } else if (c == '{' && charAt(pos) == '}') {
                pos++;
                value.append("{}");
                parts.add(part.toString());
                part.setLength(0);
            } else {
                value.append(c);
                part.append(c);
            }
        }
        parts.add(part.toString());
        return new Intrinsic.StringLiteral(value.toString(), List.copyOf(parts));
    }

    private Intrinsic path() throws IntrinsicSyntaxException {
        int start = pos;
        int brackets = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                if (brackets == 0) {
                    break;
                }
                quote = c;
            } else if (c == '[' || c == '(') {
                brackets++;
            } else if (c == ']' || (c == ')' && brackets > 0)) {
                brackets--;
            } else if ((c == ',' || c == ')') && brackets == 0) {
                break;
            }
            pos++;
        }
        String path = text.substring(start, pos).strip();
        var syntax = JsonPaths.syntaxError(path);
        if (syntax.isPresent()) {
            throw error("invalid path '" + path + "': " + syntax.get());
        }
        return new Intrinsic.Path(path);
    }

    private Intrinsic number() throws IntrinsicSyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || "+-.eE".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String literal = text.substring(start, pos);
        try {
            BigDecimal d = new BigDecimal(literal);
            if (literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0) {
                return new Intrinsic.Literal(Json.integer(d.toBigIntegerExact().longValueExact()));
            }
            return new Intrinsic.Literal(Json.NODES.numberNode(d.doubleValue()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("'" + literal + "' is not a number");
        }
    }

    private void expect(char c) throws IntrinsicSyntaxException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return charAt(pos);
    }

    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private IntrinsicSyntaxException error(String what) {
        return new IntrinsicSyntaxException(what + " at position " + pos);
    }
}
