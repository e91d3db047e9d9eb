package com.paysaga.saga.routing;

/**
 * How a partner's uploads must be encrypted. {@code KMS} means the Amazon S3 Encryption Client
 * v2 object format: user metadata {@code x-amz-key-v2} (the KMS-wrapped data key),
 * {@code x-amz-wrap-alg} ({@code kms+context}), {@code x-amz-cek-alg} ({@code AES/GCM/NoPadding})
 * and {@code x-amz-iv}; the body is the AES-GCM ciphertext.
 */
public enum ExpectedEncryption { PGP, KMS, NONE }
