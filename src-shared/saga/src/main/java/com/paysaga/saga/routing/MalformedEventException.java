package com.paysaga.saga.routing;

/** The event that started the execution is not an S3 "Object Created" event nor a replay state. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
