package com.paysaga.saga.store;

/** An error as the state machine reported it: the stage, its {@code Error} name and {@code Cause}. */
public record ErrorInfo(String stage, String error, String cause) {
}
