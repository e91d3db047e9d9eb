package com.paysaga.saga.store;

/** Finalize found fewer (or more) transactions loaded than Transform parsed: the run fails. */
public class LoadIncompleteException extends RuntimeException {

    public LoadIncompleteException(String message) {
        super(message);
    }
}
