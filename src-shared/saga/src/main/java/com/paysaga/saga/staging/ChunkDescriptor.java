package com.paysaga.saga.staging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of {@code manifest.json}'s {@code chunks} and of {@code chunks.json} (the Load Map's
 * items, so also the {@code chunk} of Load's input): 1-based index, object key in the staging
 * bucket, transactions in it, lowercase hex SHA-256 of its bytes (Load verifies it before writing
 * any item).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"index", "key", "transactions", "sha256"})
public record ChunkDescriptor(int index, String key, long transactions, String sha256) {
}
