package com.paysaga.saga.store;

import java.time.Instant;

import com.paysaga.saga.Stage;

/**
 * An {@code EXEC#<name>} item: one attempt at a file, kept forever (DESIGN.md §4 guarantee 5).
 *
 * @param startedBy who or what started it: {@code eventbridge}, {@code replay-lambda}, an operator
 * @param fromStage where it entered the pipeline ({@link Stage#Validate} for a new upload)
 * @param outcome   null while running; SUCCEEDED, FAILED, DUPLICATE, REJECTED when ended
 */
public record ExecutionRecord(String fileId, String name, String startedBy, Stage fromStage, String reason,
        boolean onlyFailedChunks, Instant startedAt, Instant endedAt, String outcome, String error,
        Long durationMs) {

    public static ExecutionRecord started(String fileId, String name, String startedBy, Stage fromStage,
            String reason, boolean onlyFailedChunks, Instant startedAt) {
        return new ExecutionRecord(fileId, name, startedBy, fromStage, reason, onlyFailedChunks, startedAt, null,
                null, null, null);
    }
}
