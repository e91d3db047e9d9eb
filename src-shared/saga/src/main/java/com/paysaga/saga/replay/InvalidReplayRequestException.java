package com.paysaga.saga.replay;

/** A replay request that names no valid file, stage or combination of options. */
public class InvalidReplayRequestException extends RuntimeException {

    public InvalidReplayRequestException(String message) {
        super(message);
    }
}
