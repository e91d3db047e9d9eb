package com.paysaga.saga.store;

import java.time.Instant;

/** What Validate knows of an upload when it creates the run record. */
public record NewRun(String fileId, String partner, String bucket, String key, String versionId, long size,
        String sha256, Instant receivedAt, String execution) {

    /** The same S3 object (not only the same content): an event delivered twice, not a second upload. */
    public boolean sameObjectAs(RunRecord run) {
        return bucket.equals(run.bucket()) && key.equals(run.key())
                && java.util.Objects.equals(versionId, run.versionId());
    }
}
