package com.paysaga.shared.format.iso20022;

import java.util.Map;

/**
 * Collects a transaction's optional attributes straight into an immutable map, skipping absent
 * values, so that Transaction's defensive {@code Map.copyOf} has nothing left to copy.
 */
final class Attributes {

    @SuppressWarnings("unchecked")
    private Map.Entry<String, String>[] entries = new Map.Entry[24];
    private int size;

    Attributes put(String key, String value) {
        if (value != null) {
            if (size == entries.length) {
                entries = java.util.Arrays.copyOf(entries, size * 2);
            }
            entries[size++] = Map.entry(key, value);
        }
        return this;
    }

    Map<String, String> build() {
        return Map.ofEntries(java.util.Arrays.copyOf(entries, size));
    }
}
