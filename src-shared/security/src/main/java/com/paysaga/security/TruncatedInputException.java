package com.paysaga.security;

/** The encrypted file ends early: the stream stopped inside a packet or before the final authentication tag. */
public final class TruncatedInputException extends InputRejectedException {

    public TruncatedInputException(String message) {
        super(message);
    }

    public TruncatedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
