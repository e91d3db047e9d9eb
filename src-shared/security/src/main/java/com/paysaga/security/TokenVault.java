package com.paysaga.security;

import com.paysaga.formats.domain.SensitiveValue;

/**
 * The reversible side of tokenization: token → encrypted original, for the narrowly permitted
 * detokenization path (PCI DSS 4.0 req. 3.5.1.1 / 3.6). Writes are idempotent: a token that is
 * already in the vault is left as it is.
 */
public interface TokenVault extends AutoCloseable {

    /** Records {@code value} under {@code token}; may buffer until {@link #flush()}. */
    void put(String token, SensitiveValue value);

    /** Writes everything buffered; after it returns, every token put so far is in the vault. */
    void flush();

    /** Flushes. */
    @Override
    void close();

    /** For measurements of the tokenizer alone; never used by a job. */
    TokenVault NONE = new TokenVault() {
        @Override
        public void put(String token, SensitiveValue value) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
}
