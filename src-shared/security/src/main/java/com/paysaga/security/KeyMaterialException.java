package com.paysaga.security;

/**
 * Key material PaySaga needs is missing or unusable (no private key stored for the partner, a
 * key blob that does not decrypt under the expected KMS key and context, a malformed key ring).
 * A configuration problem, not bad input: the file may be fine once the key is in place.
 */
public final class KeyMaterialException extends RuntimeException {

    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
