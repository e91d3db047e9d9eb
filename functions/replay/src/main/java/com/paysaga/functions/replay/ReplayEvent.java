package com.paysaga.functions.replay;

import com.paysaga.saga.replay.BulkReplayFilter;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code {"fileId", "fromStage", "onlyFailedChunks", "reason"}} for one file, or
 * {@code {"filter": {"status", "stage", "partner", "since"}, "fromStage", "reason", "maxFiles"}}
 * for every run the filter selects.
 */
@RegisterForReflection
public record ReplayEvent(String fileId, String fromStage, Boolean onlyFailedChunks, String reason, String startedBy,
        BulkReplayFilter filter, Integer maxFiles) {
}
