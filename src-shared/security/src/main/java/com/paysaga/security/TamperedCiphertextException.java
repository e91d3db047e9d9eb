package com.paysaga.security;

/** The ciphertext was altered: the integrity check (OpenPGP MDC / AEAD tag, AES-GCM tag) failed, or decrypted packets are corrupt. */
public final class TamperedCiphertextException extends InputRejectedException {

    public TamperedCiphertextException(String message) {
        super(message);
    }

    public TamperedCiphertextException(String message, Throwable cause) {
        super(message, cause);
    }
}
