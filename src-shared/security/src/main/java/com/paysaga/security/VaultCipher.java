package com.paysaga.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM of one vault value under a job's data key. Layout of the stored value:
 * {@code nonce (12) || ciphertext || tag (16)}; the AAD is the token, so a value moved to another
 * token's item no longer decrypts. Random 96-bit nonces are safe here: one data key encrypts at
 * most the distinct accounts of one file, far below the 2^32 messages NIST SP 800-38D §8.3 allows.
 */
final class VaultCipher {

    static final String ALGORITHM = "AES-256-GCM";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;
    private final Cipher cipher;

    VaultCipher(byte[] dataKey, SecureRandom random) {
        this.key = new SecretKeySpec(dataKey, "AES");
        this.random = random;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required by every Java platform", e);
        }
    }

    byte[] seal(String token, String clear) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(token.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE + ct.length);
            System.arraycopy(ct, 0, out, NONCE, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    String open(String token, byte[] sealed) {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            cipher.updateAAD(token.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new TamperedCiphertextException("vault entry for the token does not authenticate", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}
