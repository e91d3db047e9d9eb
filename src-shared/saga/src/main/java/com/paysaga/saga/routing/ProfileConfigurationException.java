package com.paysaga.saga.routing;

/** The partner profile document is malformed; names the document, the profile and the field. */
public class ProfileConfigurationException extends RuntimeException {

    public ProfileConfigurationException(String message) {
        super(message);
    }

    public ProfileConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
