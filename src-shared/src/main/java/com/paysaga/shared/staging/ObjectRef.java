package com.paysaga.shared.staging;

import java.util.Objects;

/** One object (optionally one version of it) in a bucket. */
public record ObjectRef(String bucket, String key, String versionId) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        versionId = versionId == null || versionId.isBlank() ? null : versionId;
    }

    public static ObjectRef of(String bucket, String key) {
        return new ObjectRef(bucket, key, null);
    }

    /** {@code s3://bucket/key}, the form artifacts are recorded in. */
    public String uri() {
        return "s3://" + bucket + "/" + key;
    }

    @Override
    public String toString() {
        return versionId == null ? uri() : uri() + "?versionId=" + versionId;
    }
}
