package com.paysaga.saga.store;

/** A staging chunk is missing, does not match its manifest entry, or holds a line that is not a staged transaction. */
public class ChunkIntegrityException extends RuntimeException {

    public ChunkIntegrityException(String message) {
        super(message);
    }

    public ChunkIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
