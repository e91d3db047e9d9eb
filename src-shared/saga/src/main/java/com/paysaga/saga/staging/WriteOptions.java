package com.paysaga.saga.staging;

import java.util.Map;
import java.util.Optional;

/**
 * How a new object is stored.
 *
 * @param kmsKeyId    SSE-KMS key (id or ARN); empty leaves the bucket's default encryption
 * @param contentType MIME type
 * @param metadata    user metadata (never sensitive: it is readable with s3:GetObject / HeadObject)
 */
public record WriteOptions(Optional<String> kmsKeyId, String contentType, Map<String, String> metadata) {

    public WriteOptions {
        kmsKeyId = kmsKeyId == null ? Optional.empty() : kmsKeyId.filter(s -> !s.isBlank());
        metadata = Map.copyOf(metadata);
    }

    public static WriteOptions of(String contentType) {
        return new WriteOptions(Optional.empty(), contentType, Map.of());
    }

    public WriteOptions withKmsKey(String keyId) {
        return new WriteOptions(Optional.ofNullable(keyId), contentType, metadata);
    }

    public WriteOptions withMetadata(Map<String, String> more) {
        var m = new java.util.LinkedHashMap<>(metadata);
        m.putAll(more);
        return new WriteOptions(kmsKeyId, contentType, m);
    }
}
