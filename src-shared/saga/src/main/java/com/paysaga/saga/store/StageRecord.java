package com.paysaga.saga.store;

import java.time.Instant;
import java.util.Map;

import com.paysaga.saga.Stage;

/** A {@code STAGE#<Stage>} item: the latest attempt of one stage of one file. */
public record StageRecord(
        String fileId,
        Stage stage,
        StageStatus status,
        Instant startedAt,
        Instant endedAt,
        Long durationMs,
        int attempt,
        String execution,
        Map<String, String> artifacts,
        Map<String, Long> counts,
        String error,
        String cause) {

    public StageRecord {
        artifacts = artifacts == null ? Map.of() : Map.copyOf(artifacts);
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }

    public boolean succeeded() {
        return status == StageStatus.SUCCEEDED;
    }
}
