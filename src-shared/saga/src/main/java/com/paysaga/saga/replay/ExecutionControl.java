package com.paysaga.saga.replay;

/**
 * The state machine's executions, as the replay needs them: Step Functions on AWS (the replay
 * function's SDK adapter), the local ASL engine locally.
 */
public interface ExecutionControl {

    /**
     * Starts an execution; starting again with the same name and input is not an error (idempotent).
     *
     * @throws ExecutionNameTakenException an execution of that name exists with another input
     */
    String start(String executionName, String inputJson);

    /** Whether the execution exists and is still RUNNING. */
    boolean isRunning(String executionName);

    /** Stops a running execution; a finished or unknown one is left alone. */
    void stop(String executionName, String cause);
}
