package com.paysaga.formats.iso20022;

import java.util.Map;

import com.paysaga.formats.domain.Transaction;

/**
 * Collects a transaction's optional attributes, skipping absent values, into the map
 * {@link Transaction} keeps without copying. One instance serves every transaction of a parse.
 */
final class Attributes {

    private final Transaction.Attributes.Builder builder = Transaction.Attributes.builder();

    Attributes clear() {
        builder.clear();
        return this;
    }

    Attributes put(String key, String value) {
        builder.put(key, value);
        return this;
    }

    Map<String, String> build() {
        return builder.build();
    }
}
