package com.paysaga.local.lambda;

import java.nio.charset.StandardCharsets;

/** What an invocation came to, in the terms the Lambda Invoke API uses. */
public sealed interface InvocationResult {

    /** The function returned normally; {@code payload} is its response. */
    record Success(byte[] payload) implements InvocationResult {
    }

    /**
     * The function reported an error through {@code /invocation/{id}/error}
     * ({@code FunctionError: Handled/Unhandled} with an {@code errorType}); Step Functions names
     * the error after {@code errorType}.
     */
    record FunctionError(String errorType, String errorMessage, byte[] payload) implements InvocationResult {
    }

    /**
     * No error type: the process timed out, crashed or failed to initialise. Step Functions
     * reports these as {@code Lambda.Unknown}.
     */
    record Unhandled(String message) implements InvocationResult {
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
