package com.paysaga.saga.routing;

/** The upload fails an envelope check (name, size, emptiness, encryption, content): the run is REJECTED. */
public class UploadRejectedException extends RuntimeException {

    public UploadRejectedException(String message) {
        super(message);
    }
}
