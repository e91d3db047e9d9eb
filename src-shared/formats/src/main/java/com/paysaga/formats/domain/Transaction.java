package com.paysaga.formats.domain;

import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The canonical payment transaction every format parses into (DESIGN.md §3). Amounts are
 * integer minor units of {@code currency} (ISO 4217); account numbers and PANs travel as
 * {@link SensitiveValue}s until the tokenizer replaces them.
 *
 * @param txnId         deterministic: {@link TransactionIds#of(String, String)} of fileId and sourceLocator
 * @param seq           1-based position of the transaction in the file
 * @param sourceLocator where it came from: "line 12", "record 12" (a NACHA file without line
 *                      ends, where records are counted instead), or an XML element path with indexes
 * @param format        the {@link com.paysaga.formats.Format} name
 * @param paymentType   format-specific kind: ACH SEC code, ISO message, BAI2 type code, …
 * @param direction     seen from the account the file is about; see {@link Direction} for the
 *                      one convention every format follows
 * @param amountMinor   never negative: the sign is {@code direction}
 * @param valueDate     settlement / value date where the format has one
 * @param bookingDate   effective entry date (ACH) or booking date (statements)
 * @param debtorAgent   routing number (ABA) or BIC of the debtor's bank
 * @param reference     trace number (ACH), bank reference (BAI2/MT940), …
 * @param attributes    further format fields worth keeping (transaction code, addenda, …);
 *                      immutable: an {@link Attributes} map is kept as it is, any other map is copied
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Transaction(
        String txnId,
        String fileId,
        long seq,
        String sourceLocator,
        String format,
        String paymentType,
        Direction direction,
        long amountMinor,
        String currency,
        LocalDate valueDate,
        LocalDate bookingDate,
        String debtorName,
        SensitiveValue debtorAccount,
        String debtorAgent,
        String creditorName,
        SensitiveValue creditorAccount,
        String creditorAgent,
        String reference,
        String endToEndId,
        String uetr,
        String remittanceInfo,
        Map<String, String> attributes) {

    public Transaction {
        attributes = attributes == null ? Map.of() : attributes instanceof Attributes ? attributes : Map.copyOf(attributes);
    }

    /**
     * The immutable attribute map parsers build: keys and values side by side in one array, in
     * the order they were put. A parser emits hundreds of thousands of transactions with a dozen
     * attributes each; a hash table per transaction ({@code Map.ofEntries}, or a HashMap plus
     * {@code Map.copyOf}) cost as much as the rest of building the transaction. Lookups scan the
     * few keys, which for maps this small is as fast as hashing.
     */
    public static final class Attributes extends AbstractMap<String, String> {

        private static final Attributes EMPTY = new Attributes(new String[0], 0, 0);

        /** key0, value0, key1, value1, … up to {@link #length}, with no null and no key twice; unused after. */
        private final String[] keysAndValues;
        private final int length;
        /** The builder's hash bits of the keys, for {@link Builder#putAll}. */
        private final long keyBits;
        private Set<Map.Entry<String, String>> entries;

        private Attributes(String[] keysAndValues, int length, long keyBits) {
            this.keysAndValues = keysAndValues;
            this.length = length;
            this.keyBits = keyBits;
        }

        /** A builder to reuse for every transaction of a parse: it keeps no reference to the maps it built. */
        public static Builder builder() {
            return new Builder();
        }

        /**
         * Collects one transaction's attributes. A null value is skipped (an absent field is not
         * an attribute); a key put again replaces its value and keeps its first position.
         */
        public static final class Builder {
            private static final int INITIAL_CAPACITY = 32;

            /**
             * A new array for every map, which the map takes over as it is: nothing is copied,
             * and a parser's long-lived builder is never written with references to short-lived
             * strings (under G1 each such write takes the slow path of the card-marking barrier).
             */
            private String[] keysAndValues;
            private int size;
            /** One bit per (key hash mod 64): a clear bit proves a key is new without comparing strings. */
            private long seen;

            public Builder clear() {
                keysAndValues = null;
                size = 0;
                seen = 0;
                return this;
            }

            public Builder put(String key, String value) {
                if (value == null) {
                    return this;
                }
                Objects.requireNonNull(key, "key");
                long bit = 1L << key.hashCode();
                if ((seen & bit) != 0 && replace(key, value)) {
                    return this;
                }
                seen |= bit;
                String[] kv = room(1);
                kv[2 * size] = key;
                kv[2 * size + 1] = value;
                size++;
                return this;
            }

            /** Every attribute of {@code map} (its own order), as {@link #put} would add them. */
            public Builder putAll(Map<String, String> map) {
                if (map instanceof Attributes a && (seen & a.keyBits) == 0) {
                    // Keys of a built map are distinct, so only a bit shared with this builder's needs a look.
                    String[] kv = room(a.size());
                    System.arraycopy(a.keysAndValues, 0, kv, 2 * size, a.length);
                    size += a.size();
                    seen |= a.keyBits;
                } else {
                    map.forEach(this::put);
                }
                return this;
            }

            private boolean replace(String key, String value) {
                String[] kv = keysAndValues;
                for (int i = 0; i < 2 * size; i += 2) {
                    if (kv[i].equals(key)) {
                        kv[i + 1] = value;
                        return true;
                    }
                }
                return false;
            }

            private String[] room(int more) {
                String[] kv = keysAndValues;
                if (kv == null) {
                    kv = new String[Math.max(INITIAL_CAPACITY, 2 * more)];
                    keysAndValues = kv;
                } else if (2 * (size + more) > kv.length) {
                    kv = Arrays.copyOf(kv, Math.max(2 * kv.length, 2 * (size + more)));
                    keysAndValues = kv;
                }
                return kv;
            }

            /** The map of what was put; the builder starts empty again. */
            public Attributes build() {
                Attributes built = size == 0 ? EMPTY : new Attributes(keysAndValues, 2 * size, seen);
                clear();
                return built;
            }
        }

        @Override
        public int size() {
            return length / 2;
        }

        @Override
        public boolean isEmpty() {
            return length == 0;
        }

        private int indexOf(Object key) {
            String[] kv = keysAndValues;
            for (int i = 0; i < length; i += 2) {
                if (kv[i] == key) {
                    return i;
                }
            }
            if (key != null) {
                for (int i = 0; i < length; i += 2) {
                    if (kv[i].equals(key)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        @Override
        public String get(Object key) {
            int i = indexOf(key);
            return i < 0 ? null : keysAndValues[i + 1];
        }

        @Override
        public boolean containsKey(Object key) {
            return indexOf(key) >= 0;
        }

        @Override
        public boolean containsValue(Object value) {
            String[] kv = keysAndValues;
            for (int i = 1; i < length; i += 2) {
                if (kv[i].equals(value)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super String> action) {
            String[] kv = keysAndValues;
            for (int i = 0; i < length; i += 2) {
                action.accept(kv[i], kv[i + 1]);
            }
        }

        @Override
        public int hashCode() {
            int h = 0;
            String[] kv = keysAndValues;
            for (int i = 0; i < length; i += 2) {
                h += kv[i].hashCode() ^ kv[i + 1].hashCode();
            }
            return h;
        }

        @Override
        public Set<Map.Entry<String, String>> entrySet() {
            Set<Map.Entry<String, String>> set = entries;
            if (set == null) {
                set = new AbstractSet<>() {
                    @Override
                    public Iterator<Map.Entry<String, String>> iterator() {
                        return new Iterator<>() {
                            private int next;

                            @Override
                            public boolean hasNext() {
                                return next < length;
                            }

                            @Override
                            public Map.Entry<String, String> next() {
                                if (next >= length) {
                                    throw new NoSuchElementException();
                                }
                                Map.Entry<String, String> e = Map.entry(keysAndValues[next], keysAndValues[next + 1]);
                                next += 2;
                                return e;
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return length / 2;
                    }
                };
                entries = set;
            }
            return set;
        }

        // Immutable like Map.copyOf's result: every mutator throws, even when it would change nothing.

        @Override
        public String put(String key, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String remove(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Map<? extends String, ? extends String> m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String putIfAbsent(String key, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replace(String key, String oldValue, String newValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String replace(String key, String value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceAll(java.util.function.BiFunction<? super String, ? super String, ? extends String> function) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String computeIfAbsent(String key, java.util.function.Function<? super String, ? extends String> f) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String computeIfPresent(String key,
                java.util.function.BiFunction<? super String, ? super String, ? extends String> f) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String compute(String key, java.util.function.BiFunction<? super String, ? super String, ? extends String> f) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String merge(String key, String value,
                java.util.function.BiFunction<? super String, ? super String, ? extends String> f) {
            throw new UnsupportedOperationException();
        }
    }
}
