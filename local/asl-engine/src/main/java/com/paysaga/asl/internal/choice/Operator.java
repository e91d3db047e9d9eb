package com.paysaga.asl.internal.choice;

import java.util.Optional;

/** Every comparison operator of a Choice rule, with its {@code …Path} form where the language has one. */
public enum Operator {
    StringEquals(Kind.STRING, Rel.EQ), StringLessThan(Kind.STRING, Rel.LT), StringGreaterThan(Kind.STRING, Rel.GT),
    StringLessThanEquals(Kind.STRING, Rel.LTE), StringGreaterThanEquals(Kind.STRING, Rel.GTE),
    StringMatches(Kind.MATCHES, Rel.EQ),
    NumericEquals(Kind.NUMERIC, Rel.EQ), NumericLessThan(Kind.NUMERIC, Rel.LT),
    NumericGreaterThan(Kind.NUMERIC, Rel.GT), NumericLessThanEquals(Kind.NUMERIC, Rel.LTE),
    NumericGreaterThanEquals(Kind.NUMERIC, Rel.GTE),
    BooleanEquals(Kind.BOOLEAN, Rel.EQ),
    TimestampEquals(Kind.TIMESTAMP, Rel.EQ), TimestampLessThan(Kind.TIMESTAMP, Rel.LT),
    TimestampGreaterThan(Kind.TIMESTAMP, Rel.GT), TimestampLessThanEquals(Kind.TIMESTAMP, Rel.LTE),
    TimestampGreaterThanEquals(Kind.TIMESTAMP, Rel.GTE),
    IsNull(Kind.IS, Rel.EQ), IsPresent(Kind.IS, Rel.EQ), IsNumeric(Kind.IS, Rel.EQ), IsString(Kind.IS, Rel.EQ),
    IsBoolean(Kind.IS, Rel.EQ), IsTimestamp(Kind.IS, Rel.EQ);

    public enum Kind { STRING, MATCHES, NUMERIC, BOOLEAN, TIMESTAMP, IS }

    enum Rel { EQ, LT, GT, LTE, GTE }

    private final Kind kind;
    private final Rel rel;

    Operator(Kind kind, Rel rel) {
        this.kind = kind;
        this.rel = rel;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the operator exists with a {@code Path} suffix (all comparisons but StringMatches and the type tests). */
    public boolean hasPathForm() {
        return kind != Kind.IS && kind != Kind.MATCHES;
    }

    boolean holds(int comparison) {
        return switch (rel) {
            case EQ -> comparison == 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
            case LTE -> comparison <= 0;
            case GTE -> comparison >= 0;
        };
    }

    /** The operator named by a rule field, {@code withPath} telling whether it was the {@code …Path} form. */
    public record Parsed(Operator operator, boolean withPath) {
    }

    public static Optional<Parsed> byField(String field) {
        for (Operator op : values()) {
            if (op.name().equals(field)) {
                return Optional.of(new Parsed(op, false));
            }
            if (op.hasPathForm() && (op.name() + "Path").equals(field)) {
                return Optional.of(new Parsed(op, true));
            }
        }
        return Optional.empty();
    }
}
