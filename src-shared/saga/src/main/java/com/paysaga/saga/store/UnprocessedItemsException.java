package com.paysaga.saga.store;

/** BatchWriteItem kept returning unprocessed items after every backoff: the table is throttling. */
public class UnprocessedItemsException extends RuntimeException {

    public UnprocessedItemsException(String message) {
        super(message);
    }
}
