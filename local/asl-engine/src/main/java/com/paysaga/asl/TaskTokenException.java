package com.paysaga.asl;

/**
 * A SendTask* call the service would refuse: {@code TaskDoesNotExist} for a token that names no
 * waiting task (unknown, already answered, or timed out), as the service's exception of that name.
 */
public final class TaskTokenException extends RuntimeException {

    private final String code;

    public TaskTokenException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
