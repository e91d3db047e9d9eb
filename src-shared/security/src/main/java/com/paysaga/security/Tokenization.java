package com.paysaga.security;

import java.util.function.Function;

import com.paysaga.formats.domain.SensitiveValue;

/**
 * What Transform hands to {@link com.paysaga.formats.domain.StagedTransaction#of}: each sensitive
 * value becomes its token, and the vault learns token → value. Counts the values it tokenized.
 */
public final class Tokenization implements Function<SensitiveValue, String>, AutoCloseable {

    private final Tokenizer tokenizer;
    private final TokenVault vault;
    private long tokens;

    public Tokenization(Tokenizer tokenizer, TokenVault vault) {
        this.tokenizer = tokenizer;
        this.vault = vault;
    }

    @Override
    public String apply(SensitiveValue value) {
        String token = tokenizer.token(value);
        vault.put(token, value);
        tokens++;
        return token;
    }

    public String keyVersion() {
        return tokenizer.keyVersion();
    }

    public long tokens() {
        return tokens;
    }

    /** Makes every vault entry durable: call before publishing anything that carries the tokens. */
    public void flush() {
        vault.flush();
    }

    @Override
    public void close() {
        vault.close();
    }
}
