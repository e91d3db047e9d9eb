package com.paysaga.asl.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Invokes a Lambda function synchronously and returns its response payload. The engine adapts
 * one LambdaInvoker to both ways a state machine calls Lambda: the direct resource
 * {@code arn:aws:lambda:…:function:NAME} (the payload is the task result) and the optimized
 * integration {@code arn:aws:states:::lambda:invoke} (the result is wrapped like the service's:
 * {@code ExecutedVersion}, {@code Payload}, {@code SdkHttpMetadata}, {@code SdkResponseMetadata},
 * {@code StatusCode}). A function error is a {@link TaskFailedException} whose error is the
 * function's {@code errorType} and whose cause is its error document.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * @param functionName the function name or ARN, as written in the definition or in {@code FunctionName}
     * @param payload the event
     */
    JsonNode invoke(String functionName, JsonNode payload, TaskContext context)
            throws TaskFailedException, InterruptedException;
}
