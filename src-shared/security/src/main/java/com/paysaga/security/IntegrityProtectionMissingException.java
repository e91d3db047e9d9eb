package com.paysaga.security;

/** The file is encrypted without integrity protection (OpenPGP Symmetrically Encrypted Data without MDC, RFC 4880 §5.7, or an S3 encryption client v1 AES-CBC object): such ciphertext can be altered undetected, so it is refused. */
public final class IntegrityProtectionMissingException extends InputRejectedException {

    public IntegrityProtectionMissingException(String message) {
        super(message);
    }

    public IntegrityProtectionMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
