package com.paysaga.asl.internal.intrinsic;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The syntax tree of an intrinsic function call (developer guide, "Intrinsic functions"). */
public sealed interface Intrinsic {

    /** A JSON literal argument: number, {@code true}, {@code false} or {@code null}. */
    record Literal(JsonNode value) implements Intrinsic {
    }

    /**
     * A quoted string argument. {@code value} has its escapes resolved; {@code formatParts} is the
     * same text split at every unescaped {@code {}}, which only {@code States.Format} uses, so that
     * an escaped brace ({@code \{}) stays literal.
     */
    record StringLiteral(String value, List<String> formatParts) implements Intrinsic {
    }

    /** A path argument, {@code $…} on the state's data or {@code $$…} on the context object. */
    record Path(String path) implements Intrinsic {
    }

    /** A (possibly nested) call, e.g. {@code States.Format('{}', States.ArrayLength($.a))}. */
    record Call(String function, List<Intrinsic> arguments) implements Intrinsic {
    }
}
