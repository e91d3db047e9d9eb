package com.paysaga.saga.replay;

import java.util.Map;

import com.paysaga.saga.Stage;

/**
 * Where a replay enters and which of the parallel heavy stages it re-runs: the state machine's
 * {@code $.plan} (read by the Choices inside the Parallel branches) and {@code $.resumeAt}.
 *
 * @param artifacts the artifacts earlier stages recorded, restored for the stages that follow
 */
public record ResumePlan(Stage resumeAt, boolean runDecrypt, boolean runTransform, boolean runArchive,
        Map<String, String> artifacts) {

    public ResumePlan {
        artifacts = Map.copyOf(artifacts);
    }
}
