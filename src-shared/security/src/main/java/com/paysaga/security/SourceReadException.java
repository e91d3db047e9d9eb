package com.paysaga.security;

import java.io.IOException;

/**
 * Reading the source object failed in transport (connection reset, timeout) while a decoder was
 * consuming it. Kept apart from decoding errors so that a network failure in the middle of a
 * 1 GB download is retried, not reported as a corrupt file.
 */
public final class SourceReadException extends IOException {

    public SourceReadException(String what, IOException cause) {
        super("reading " + what + " failed: " + cause.getMessage(), cause);
    }
}
