package com.paysaga.saga.store;

import java.time.Instant;

/** Another execution holds a live lease on the file; two writers never overlap. */
public class LeaseHeldException extends RuntimeException {

    private final String fileId;
    private final String holder;
    private final Instant expiresAt;

    public LeaseHeldException(String fileId, String holder, Instant expiresAt) {
        super("file " + fileId + " is being processed by execution " + holder + " (lease until " + expiresAt
                + "); wait for it to finish or for the lease to expire");
        this.fileId = fileId;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    /** The same refusal worded for the caller's situation (e.g. a replay request). */
    public LeaseHeldException(String fileId, String holder, Instant expiresAt, String message) {
        super(message);
        this.fileId = fileId;
        this.holder = holder;
        this.expiresAt = expiresAt;
    }

    public String fileId() {
        return fileId;
    }

    public String holder() {
        return holder;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
