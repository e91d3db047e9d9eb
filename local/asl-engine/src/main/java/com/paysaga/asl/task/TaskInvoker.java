package com.paysaga.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the work behind a Task state's {@code Resource}. Registered on the engine for resource
 * patterns such as {@code arn:aws:states:::dynamodb:*}; called with the effective parameters (the
 * state input after {@code InputPath} and {@code Parameters}). Must be thread-safe: Map and
 * Parallel call it concurrently, on virtual threads.
 *
 * <p>For {@code .sync} resources the invoker returns only when the job has finished, and returns
 * what the service's {@code Describe…} call would (e.g. the Batch job description). For
 * {@code .waitForTaskToken} resources the engine calls the invoker for the underlying API (the
 * token is in the parameters and in {@link TaskContext#taskToken()}), records its answer as
 * {@code TaskSubmitted}, and then waits for {@code SendTaskSuccess}/{@code SendTaskFailure}.
 */
@FunctionalInterface
public interface TaskInvoker {

    /**
     * @return the task result (before {@code ResultSelector})
     * @throws TaskFailedException the task failed with an error name and cause
     * @throws InterruptedException the invocation was cancelled (timeout or execution stopped)
     */
    JsonNode invoke(ResourceArn resource, JsonNode parameters, TaskContext context)
            throws TaskFailedException, InterruptedException;
}
