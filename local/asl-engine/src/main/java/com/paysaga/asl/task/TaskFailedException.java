package com.paysaga.asl.task;

/**
 * A task that failed, with the error name and cause the state machine sees. A Lambda function
 * error surfaces with its {@code errorType} as the error name and the function's error document
 * as the cause, as on AWS, so that {@code ErrorEquals: ["ValidationFailedException"]} matches the
 * Java exception of that simple name.
 */
public class TaskFailedException extends Exception {

    private final String error;
    private final String cause;

    public TaskFailedException(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause));
        this.error = error;
        this.cause = cause;
    }

    public TaskFailedException(String error, String cause, Throwable source) {
        super(error + (cause == null ? "" : ": " + cause), source);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    /** May be null, like the service's optional cause. */
    public String cause() {
        return cause;
    }
}
