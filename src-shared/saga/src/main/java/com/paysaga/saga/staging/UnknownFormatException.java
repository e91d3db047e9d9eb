package com.paysaga.saga.staging;

import com.paysaga.security.InputRejectedException;

/** The content is none of the formats PaySaga parses; the validation report says what it looked like. */
public final class UnknownFormatException extends InputRejectedException {

    private final String reportUri;

    public UnknownFormatException(String message, String reportUri) {
        super(message);
        this.reportUri = reportUri;
    }

    public String reportUri() {
        return reportUri;
    }
}
