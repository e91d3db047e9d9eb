package com.paysaga.security;

/** The partner profile names a signing key, and the file is unsigned, signed by another key, or the signature does not verify. */
public final class SignatureVerificationException extends InputRejectedException {

    public SignatureVerificationException(String message) {
        super(message);
    }

    public SignatureVerificationException(String message, Throwable cause) {
        super(message, cause);
    }
}
