package com.paysaga.saga.staging;

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

    /** The object {@code s3://bucket/key} names (no version): the inverse of {@link #uri()}. */
    public static ObjectRef fromUri(String s3Uri) {
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        return of(rest.substring(0, slash), rest.substring(slash + 1));
    }

    /** {@code s3://bucket/key}, the form artifacts are recorded in. */
    public String uri() {
        return ObjectLayout.s3Uri(bucket, key);
    }

    /** {@link #uri()} with {@code ?versionId=…} when a version is named. */
    public String versionedUri() {
        return versionId == null ? uri() : uri() + "?versionId=" + versionId;
    }

    @Override
    public String toString() {
        return versionedUri();
    }
}
