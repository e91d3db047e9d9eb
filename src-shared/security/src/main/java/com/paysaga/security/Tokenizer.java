package com.paysaga.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

import com.paysaga.formats.domain.SensitiveValue;

/**
 * Deterministic tokens for account numbers, IBANs and PANs (PCI DSS 4.0 req. 3.5.1: "keyed
 * cryptographic hashes of the entire PAN"): {@code tok_<keyVersion>_<base64url(HMAC-SHA-256(key,
 * canonical value))>} (docs/contracts.md). Equal accounts give equal tokens in every file, so
 * joins work; the key version in the token lets keys rotate (a replay from Transform
 * re-tokenizes under the new version).
 *
 * <p>The HMAC (RFC 2104) is computed from SHA-256 states that have already absorbed the key's
 * inner and outer pad blocks: each token then costs two compression-function calls instead of the
 * four a {@code javax.crypto.Mac} spends (it re-hashes the inner pad after every {@code doFinal}).
 * The key itself is not kept. Thread-safe: the prototypes are only cloned, never updated.
 */
public final class Tokenizer {

    public static final String PREFIX = "tok_";
    /** Key versions appear inside tokens between underscores: letters and digits only. */
    public static final Pattern KEY_VERSION = Pattern.compile("[A-Za-z0-9]{1,16}");

    private static final int BLOCK = 64;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final String keyVersion;
    private final String tokenPrefix;
    private final MessageDigest inner;
    private final MessageDigest outer;

    /** {@code key} (32 bytes from KMS) is read here and may be wiped by the caller afterwards. */
    public Tokenizer(String keyVersion, byte[] key) {
        if (!KEY_VERSION.matcher(keyVersion).matches()) {
            throw new IllegalArgumentException("token key version '" + keyVersion + "' must match " + KEY_VERSION);
        }
        if (key.length < 32 || key.length > BLOCK) {
            throw new IllegalArgumentException("an HMAC-SHA-256 token key must have 32..64 bytes, got " + key.length);
        }
        this.keyVersion = keyVersion;
        this.tokenPrefix = PREFIX + keyVersion + "_";
        byte[] ipad = new byte[BLOCK];
        byte[] opad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        this.inner = sha256();
        this.outer = sha256();
        inner.update(ipad);
        outer.update(opad);
        Arrays.fill(ipad, (byte) 0);
        Arrays.fill(opad, (byte) 0);
    }

    public String keyVersion() {
        return keyVersion;
    }

    public String token(SensitiveValue value) {
        return token(value.reveal());
    }

    public String token(String clear) {
        byte[] mac = mac(canonical(clear));
        return tokenPrefix + B64.encodeToString(mac);
    }

    /** The raw HMAC-SHA-256 of {@code message} under the token key. */
    public byte[] mac(byte[] message) {
        MessageDigest in = copy(inner);
        in.update(message);
        MessageDigest out = copy(outer);
        out.update(in.digest());
        return out.digest();
    }

    /** The key version a token was made with, or an error naming what is wrong with it. */
    public static String keyVersionOf(String token) {
        int end = token.indexOf('_', PREFIX.length());
        if (!token.startsWith(PREFIX) || end < 0) {
            throw new IllegalArgumentException("not a PaySaga token (expected tok_<keyVersion>_<hmac>)");
        }
        return token.substring(PREFIX.length(), end);
    }

    /**
     * One account, one token, however the file wrote it: spaces and hyphens are layout (IBANs are
     * printed in groups of four, ISO 13616-1 §5.3; PANs with separators), letters are compared
     * case-insensitively.
     */
    static byte[] canonical(String clear) {
        int n = clear.length();
        byte[] out = new byte[n];
        int j = 0;
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = clear.charAt(i);
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            }
            if (c > 0x7F) {
                ascii = false;
                break;
            }
            out[j++] = (byte) c;
        }
        if (!ascii) {
            return clear.replaceAll("[ \\t-]", "").toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        }
        return j == n ? out : Arrays.copyOf(out, j);
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's SHA-256 cannot be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
