package com.paysaga.provision;

/** The template cannot be read, resolved or provisioned; the message names the resource and why. */
public class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
