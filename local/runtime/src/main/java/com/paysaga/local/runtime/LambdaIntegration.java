package com.paysaga.local.runtime;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.asl.task.LambdaInvoker;
import com.paysaga.asl.task.TaskContext;
import com.paysaga.asl.task.TaskFailedException;
import com.paysaga.local.lambda.InvocationResult;
import com.paysaga.local.lambda.LocalLambdaFunction;

/**
 * Lambda calls of the state machine, served by the local functions. A function error keeps its
 * {@code errorType} as the error name and its error document as the cause; a timeout, crash or
 * init failure is {@code Lambda.Unknown}, as the service reports unhandled errors.
 */
public final class LambdaIntegration implements LambdaInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, LocalLambdaFunction> byNameOrArn;

    public LambdaIntegration(Map<String, LocalLambdaFunction> byNameOrArn) {
        this.byNameOrArn = Map.copyOf(byNameOrArn);
    }

    @Override
    public JsonNode invoke(String functionName, JsonNode payload, TaskContext context)
            throws TaskFailedException, InterruptedException {
        String key = functionName.replaceFirst(":\\$LATEST$", "");
        LocalLambdaFunction fn = byNameOrArn.get(key);
        if (fn == null) {
            throw new TaskFailedException("Lambda.ResourceNotFoundException", "Function not found: " + functionName
                    + " (Service: Lambda, Status Code: 404, Request ID: local)");
        }
        byte[] event;
        try {
            event = JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new TaskFailedException("States.Runtime", "cannot serialise the payload: " + e.getMessage());
        }
        InvocationResult result = fn.invoke(event);
        return switch (result) {
            case InvocationResult.Success s -> parse(s.payload());
            case InvocationResult.FunctionError e -> throw new TaskFailedException(e.errorType(),
                    new String(e.payload(), java.nio.charset.StandardCharsets.UTF_8));
            case InvocationResult.Unhandled u -> throw new TaskFailedException("Lambda.Unknown",
                    "The cause could not be determined because Lambda did not return an error type. Returned payload: "
                            + JSON.createObjectNode().put("errorMessage", u.message()));
        };
    }

    private static JsonNode parse(byte[] payload) throws TaskFailedException {
        if (payload.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            // A non-JSON response is returned as a string, as Step Functions does.
            return JSON.getNodeFactory().textNode(new String(payload, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
