package com.paysaga.saga.staging;

import com.paysaga.security.InputRejectedException;

/** The file parsed but breaks its format's rules; the validation report says where and why. */
public final class ValidationFailedException extends InputRejectedException {

    private final String reportUri;

    public ValidationFailedException(String message, String reportUri) {
        super(message);
        this.reportUri = reportUri;
    }

    public String reportUri() {
        return reportUri;
    }
}
