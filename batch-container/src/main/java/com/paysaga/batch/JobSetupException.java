package com.paysaga.batch;

/**
 * The job cannot run as invoked or configured: a missing environment variable, an unknown file
 * id, a prerequisite artifact that does not exist. Exit 2; retrying cannot help.
 */
public final class JobSetupException extends RuntimeException {

    public JobSetupException(String message) {
        super(message);
    }

    public JobSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
