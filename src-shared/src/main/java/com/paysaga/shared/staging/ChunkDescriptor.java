package com.paysaga.shared.staging;

/**
 * One entry of {@code manifest.json}'s {@code chunks} and of {@code chunks.json} (the Load Map's
 * items): 1-based index, object key in the staging bucket, transactions in it, lowercase hex
 * SHA-256 of its bytes (Load verifies it before writing any item).
 */
public record ChunkDescriptor(int index, String key, long transactions, String sha256) {
}
