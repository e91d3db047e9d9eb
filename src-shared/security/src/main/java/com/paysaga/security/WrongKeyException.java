package com.paysaga.security;

/** The file is encrypted, but not to a key PaySaga holds for the partner (PGP recipient key ids differ), or the KMS-wrapped data key cannot be unwrapped with the expected key and encryption context. */
public final class WrongKeyException extends InputRejectedException {

    public WrongKeyException(String message) {
        super(message);
    }

    public WrongKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
