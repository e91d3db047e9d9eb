package com.paysaga.saga.store;

/**
 * A writer that acts for an execution found the file's lease gone or held by another execution:
 * its run was failed (Record Failure released the lease) or taken over by a replay, so it must
 * not change the run any more. Nothing was written.
 */
public class LeaseLostException extends RuntimeException {

    private final String fileId;
    private final String execution;

    public LeaseLostException(String fileId, String execution, String currentHolder) {
        super("execution " + execution + " no longer holds the lease of file " + fileId
                + (currentHolder == null ? " (the lease was released: the run's failure is recorded)"
                        : " (now held by execution " + currentHolder + ")")
                + "; the run was left as it is");
        this.fileId = fileId;
        this.execution = execution;
    }

    public String fileId() {
        return fileId;
    }

    public String execution() {
        return execution;
    }
}
