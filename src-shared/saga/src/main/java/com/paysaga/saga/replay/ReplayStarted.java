package com.paysaga.saga.replay;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A replay that was started.
 *
 * @param tookOverFrom the execution whose stale or abandoned lease was taken over (and which
 *                     was stopped, with its Batch jobs), if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayStarted(String fileId, String fromStage, String executionName, String executionArn,
        String tookOverFrom, java.util.List<String> terminatedJobs) {
}
