package com.paysaga.formats.domain;

import java.util.Objects;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * An account number, IBAN or PAN. It cannot leak by accident: {@code toString} and JSON
 * serialisation give only the masked form ({@code ****1234}); the clear value is reachable only
 * through {@link #reveal()}, which the tokenizer calls and nothing that logs or writes should.
 */
@JsonSerialize(using = SensitiveValue.MaskingSerializer.class)
public final class SensitiveValue {

    public enum Kind { ACCOUNT_NUMBER, IBAN, PAN }

    private final Kind kind;
    private final String value;

    private SensitiveValue(Kind kind, String value) {
        this.kind = Objects.requireNonNull(kind);
        this.value = Objects.requireNonNull(value);
    }

    /** Null or blank input gives null: an absent account stays absent. */
    public static SensitiveValue of(Kind kind, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return new SensitiveValue(kind, value.strip());
    }

    public Kind kind() {
        return kind;
    }

    /** The clear value: for the tokenizer only. */
    public String reveal() {
        return value;
    }

    /** The last four characters, the most PCI DSS (req. 3.4.1) allows to display with the token. */
    public String last4() {
        return value.length() <= 4 ? value : value.substring(value.length() - 4);
    }

    public String masked() {
        return "****" + last4();
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SensitiveValue s && s.kind == kind && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, value);
    }

    static final class MaskingSerializer extends StdSerializer<SensitiveValue> {
        MaskingSerializer() {
            super(SensitiveValue.class);
        }

        @Override
        public void serialize(SensitiveValue v, JsonGenerator gen, SerializerProvider provider) throws java.io.IOException {
            gen.writeString(v.masked());
        }
    }
}
