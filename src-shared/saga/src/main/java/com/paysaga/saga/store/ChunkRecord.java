package com.paysaga.saga.store;

import java.time.Instant;

/** A {@code CHUNK#<nnnnn>} item: the Load of one manifest chunk. */
public record ChunkRecord(String fileId, int index, StageStatus status, long transactions, Instant loadedAt,
        String execution, int attempt, String error) {
}
