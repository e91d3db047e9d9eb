package com.paysaga.saga.replay;

/** A replay cannot start at the requested stage: an earlier stage's artifact or record is missing. */
public class PrerequisiteMissingException extends RuntimeException {

    public PrerequisiteMissingException(String message) {
        super(message);
    }
}
