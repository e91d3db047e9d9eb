package com.paysaga.asl;

/**
 * One problem in a state machine definition, shaped like an entry of the service's
 * {@code ValidateStateMachineDefinition} answer: a code such as {@code SCHEMA_VALIDATION_FAILED}
 * or {@code MISSING_TRANSITION_TARGET}, a message, and the JSON pointer of the offending field.
 */
public record Diagnostic(String code, String message, String location) {

    public static final String SCHEMA_VALIDATION_FAILED = "SCHEMA_VALIDATION_FAILED";
    public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";
    public static final String INVALID_JSON_DESCRIPTION = "INVALID_JSON_DESCRIPTION";

    @Override
    public String toString() {
        return code + ": " + message + " at " + location;
    }
}
