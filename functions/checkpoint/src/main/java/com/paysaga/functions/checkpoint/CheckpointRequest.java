package com.paysaga.functions.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.saga.replay.ReplayRequest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One Payload shape for the checkpoint tasks of the state machine:
 * <ul>
 * <li>{@code stageStarted} / {@code stageSucceeded}: {@code fileId}, {@code stage}, {@code execution};</li>
 * <li>{@code startLoad}, {@code finalize}: {@code fileId}, {@code execution};</li>
 * <li>{@code recordFailure}: {@code state} (the whole state at the Catch), {@code execution};</li>
 * <li>{@code loadCheckpoint}: {@code replay} (the execution input's replay request), {@code execution}.</li>
 * </ul>
 */
@RegisterForReflection
public record CheckpointRequest(String action, String fileId, String stage, String execution, JsonNode state,
        ReplayRequest replay) {
}
