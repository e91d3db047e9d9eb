package com.paysaga.saga.store;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.saga.BatchExitCode;

/**
 * The error object a Catch puts in the state ({@code {"Error": …, "Cause": …}}), made readable:
 * the Cause of a Lambda error is the function's JSON error ({@code errorMessage}, {@code errorType},
 * {@code stackTrace}); of a Batch job, the job description as JSON; of a Parallel or Map branch
 * of this state machine, the wrapper {@code {"stage", "Error", "Cause"}} its Fail state built.
 *
 * @param stage  the stage named by a branch wrapper, or null
 * @param error  the error name as the state machine matched it
 * @param cause  a one-line human cause
 * @param exitCode the Batch container's exit code, when the cause is a Batch job
 */
public record StepFunctionsError(String stage, String error, String cause, Integer exitCode) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CAUSE = 2000;

    public static StepFunctionsError parse(JsonNode errorObject) {
        if (errorObject == null || errorObject.isNull() || errorObject.isMissingNode()) {
            return new StepFunctionsError(null, "Unknown", "no error object in the state", null);
        }
        String error = text(errorObject.get("Error"));
        String cause = text(errorObject.get("Cause"));
        return parse(error == null ? "Unknown" : error, cause);
    }

    static StepFunctionsError parse(String error, String cause) {
        JsonNode json = json(cause);
        if (json == null) {
            return new StepFunctionsError(null, error, trim(cause), null);
        }
        if (json.has("stage") && json.has("Error")) {
            StepFunctionsError inner = parse(text(json.get("Error")), text(json.get("Cause")));
            return new StepFunctionsError(text(json.get("stage")), inner.error(), inner.cause(), inner.exitCode());
        }
        if (json.has("errorMessage") || json.has("errorType")) {
            String type = text(json.get("errorType"));
            String message = text(json.get("errorMessage"));
            return new StepFunctionsError(null, error, trim((type == null ? "" : type + ": ") + (message == null ? "" : message)),
                    null);
        }
        if (json.has("JobName") || json.has("JobId")) {
            Integer exit = null;
            String reason = null;
            JsonNode container = json.get("Container");
            if (container != null && container.hasNonNull("ExitCode")) {
                exit = container.get("ExitCode").asInt();
                reason = text(container.get("Reason"));
            }
            StringBuilder b = new StringBuilder("Batch job ").append(text(json.get("JobName")))
                    .append(" (").append(text(json.get("JobId"))).append(") ").append(text(json.get("Status")));
            if (json.hasNonNull("StatusReason")) {
                b.append(": ").append(text(json.get("StatusReason")));
            }
            if (exit != null) {
                b.append("; exit code ").append(exit).append(" (").append(exitMeaning(exit)).append(")");
            }
            if (reason != null) {
                b.append("; ").append(reason);
            }
            return new StepFunctionsError(null, error, trim(b.toString()), exit);
        }
        return new StepFunctionsError(null, error, trim(cause), null);
    }

    /** The exit codes of docs/contracts.md. */
    public static String exitMeaning(int code) {
        return switch (code) {
            case BatchExitCode.SUCCESS -> "success";
            case BatchExitCode.USAGE -> "usage error";
            case BatchExitCode.INPUT_REJECTED -> "input rejected";
            case BatchExitCode.TRANSIENT -> "transient failure, retries exhausted";
            default -> "unexpected";
        };
    }

    private static JsonNode json(String s) {
        if (s == null || s.isBlank() || s.strip().charAt(0) != '{') {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(s);
            return n != null && n.isObject() ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.isTextual() ? n.asText() : n.toString();
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > MAX_CAUSE ? one.substring(0, MAX_CAUSE) + "…" : one;
    }

}
