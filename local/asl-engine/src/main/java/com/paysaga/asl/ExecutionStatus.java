package com.paysaga.asl;

/** The service's execution statuses. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

    public boolean isTerminal() {
        return this != RUNNING;
    }
}
