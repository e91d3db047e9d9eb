package com.paysaga.saga.store;

/** No run record (META) exists for the file id: it was never validated, or the id is wrong. */
public class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(String fileId) {
        super("no run recorded for file " + fileId + " (no META item in the runs table)");
    }
}
