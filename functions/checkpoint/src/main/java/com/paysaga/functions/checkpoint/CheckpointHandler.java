package com.paysaga.functions.checkpoint;

import jakarta.inject.Inject;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.paysaga.functions.common.Logged;
import com.paysaga.saga.Stage;
import com.paysaga.saga.routing.MalformedEventException;
import com.paysaga.saga.store.CheckpointService;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Checkpoints between stages, the failure record, LoadCheckpoint for replays, and Finalize. */
@RegisterForReflection(targets = {CheckpointService.StageCheckpoint.class, CheckpointService.LoadPlan.class,
        CheckpointService.FailureRecord.class, CheckpointService.ResumeState.class,
        CheckpointService.FinalizeResult.class, com.paysaga.saga.store.RunView.class,
        com.paysaga.saga.replay.ReplayRequest.class, com.paysaga.saga.staging.Manifest.class,
        com.paysaga.saga.staging.Manifest.Totals.class, com.paysaga.saga.staging.ChunkDescriptor.class})
public class CheckpointHandler implements RequestHandler<CheckpointRequest, Object> {

    @Inject
    CheckpointService checkpoints;

    @Override
    public Object handleRequest(CheckpointRequest r, Context context) {
        if (r == null || r.action() == null || r.execution() == null) {
            throw new MalformedEventException("a checkpoint needs at least \"action\" and \"execution\"");
        }
        return switch (r.action()) {
            case "stageStarted" -> Logged.call(r.fileId(), r.stage(), r.execution(),
                    () -> checkpoints.stageStarted(required(r.fileId(), "fileId"), stage(r), r.execution()));
            case "stageSucceeded" -> Logged.call(r.fileId(), r.stage(), r.execution(),
                    () -> checkpoints.stageSucceeded(required(r.fileId(), "fileId"), stage(r), r.execution()));
            case "startLoad" -> Logged.call(r.fileId(), "Load", r.execution(),
                    () -> checkpoints.startLoad(required(r.fileId(), "fileId"), r.execution()));
            case "finalize" -> Logged.call(r.fileId(), "Finalize", r.execution(),
                    () -> checkpoints.finalizeRun(required(r.fileId(), "fileId"), r.execution()));
            case "recordFailure" -> Logged.call(r.state() == null ? null : r.state().path("run").path("fileId").asText(null),
                    null, r.execution(), () -> checkpoints.recordFailure(required(r.state(), "state"), r.execution()));
            case "loadCheckpoint" -> Logged.call(r.replay() == null ? null : r.replay().fileId(), null, r.execution(),
                    () -> checkpoints.loadCheckpoint(required(r.replay(), "replay"), r.execution()));
            default -> throw new MalformedEventException("unknown checkpoint action '" + r.action()
                    + "'; expected stageStarted, stageSucceeded, startLoad, finalize, recordFailure or loadCheckpoint");
        };
    }

    private static Stage stage(CheckpointRequest r) {
        try {
            return Stage.parse(required(r.stage(), "stage"));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage());
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new MalformedEventException("checkpoint field \"" + field + "\" is required");
        }
        return value;
    }
}
