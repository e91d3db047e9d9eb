package com.paysaga.saga.replay;

/**
 * StartExecution refused the name: an execution of that name exists with another input. For a
 * replay this means another request for the same file and stage started a moment earlier.
 */
public class ExecutionNameTakenException extends RuntimeException {

    public ExecutionNameTakenException(String executionName, Throwable cause) {
        super("an execution named " + executionName + " already exists with another input", cause);
    }
}
