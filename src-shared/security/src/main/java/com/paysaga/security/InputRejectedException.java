package com.paysaga.security;

/**
 * The file itself is refused: retrying cannot change the outcome, so the Batch job exits with
 * {@link com.paysaga.saga.BatchExitCode#INPUT_REJECTED} and the run becomes REJECTED.
 * The simple class name of each subclass is the {@code error} recorded on the stage item.
 * Messages name the file and the reason, never key material or account data.
 */
public abstract class InputRejectedException extends RuntimeException {

    protected InputRejectedException(String message) {
        super(message);
    }

    protected InputRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
