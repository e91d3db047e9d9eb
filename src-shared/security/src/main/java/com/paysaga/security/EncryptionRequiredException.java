package com.paysaga.security;

/** The partner profile requires encryption (PGP or KMS envelope), but the object is not encrypted that way. */
public final class EncryptionRequiredException extends InputRejectedException {

    public EncryptionRequiredException(String message) {
        super(message);
    }

    public EncryptionRequiredException(String message, Throwable cause) {
        super(message, cause);
    }
}
