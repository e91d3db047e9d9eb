package com.paysaga.local.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.local.lambda.InvocationResult;
import com.paysaga.local.lambda.LocalLambdaFunction;

/**
 * Replays go through the replay function, as from the console or the API: it validates the
 * request, checks prerequisites, takes the lease and starts the execution (on the local Step
 * Functions API) under its deterministic name. This class invokes it and finds the started
 * executions to follow.
 */
public final class Replays {

    /** The function refused the request: its error type and message. */
    public static final class ReplayRefusedException extends Exception {
        private final String errorType;

        ReplayRefusedException(String errorType, String message) {
            super(errorType + ": " + message);
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Replays() {
    }

    /** Invokes the replay function with {@code request} and returns its answer. */
    public static JsonNode request(LocalRuntime runtime, ObjectNode request) throws ReplayRefusedException, InterruptedException {
        LocalLambdaFunction fn = runtime.function("ReplayFunction");
        InvocationResult r;
        try {
            r = fn.invoke(JSON.writeValueAsBytes(request));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return switch (r) {
            case InvocationResult.Success s -> {
                try {
                    yield JSON.readTree(s.payload());
                } catch (IOException e) {
                    throw new IllegalStateException("replay function answered non-JSON: "
                            + new String(s.payload(), StandardCharsets.UTF_8));
                }
            }
            case InvocationResult.FunctionError e -> throw new ReplayRefusedException(e.errorType(), e.errorMessage());
            case InvocationResult.Unhandled u -> throw new ReplayRefusedException("Lambda.Unknown", u.message());
        };
    }

    /** The executions a replay answer names (one for a single replay, the started ones of a bulk replay). */
    public static Map<Ingestion.Upload, LocalStepFunctions.Started> started(LocalRuntime runtime, JsonNode answer) {
        Map<Ingestion.Upload, LocalStepFunctions.Started> out = new LinkedHashMap<>();
        if (answer.has("files")) {
            for (JsonNode f : answer.get("files")) {
                if (f.hasNonNull("executionName")) {
                    add(runtime, out, f.get("fileId").asText(), f.get("executionName").asText());
                }
            }
        } else if (answer.hasNonNull("executionName")) {
            add(runtime, out, answer.get("fileId").asText(), answer.get("executionName").asText());
        }
        return out;
    }

    private static void add(LocalRuntime runtime, Map<Ingestion.Upload, LocalStepFunctions.Started> out, String fileId,
            String executionName) {
        runtime.stepFunctions().find(executionName).ifPresent(s -> out.put(
                Ingestion.Upload.replayOf(fileId.substring(0, Math.min(16, fileId.length())) + " (replay)", fileId), s));
    }

}
