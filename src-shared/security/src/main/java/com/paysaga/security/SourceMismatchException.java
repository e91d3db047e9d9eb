package com.paysaga.security;

/** The object read is not the file of the run: its SHA-256 differs from the fileId (another version, or an object replaced in place). */
public final class SourceMismatchException extends InputRejectedException {

    public SourceMismatchException(String message) {
        super(message);
    }

    public SourceMismatchException(String message, Throwable cause) {
        super(message, cause);
    }
}
