package com.paysaga.local.events;

/** The pattern would be refused by PutRule; the message says where and why. */
public class InvalidEventPatternException extends RuntimeException {
    public InvalidEventPatternException(String message) {
        super(message);
    }
}
