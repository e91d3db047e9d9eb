package com.paysaga.asl;

import java.util.List;

/**
 * The predefined error names of the Amazon States Language (developer guide, "Error handling in
 * Step Functions", "Error names"), and the matching rules the service applies to them in
 * {@code ErrorEquals}.
 */
public final class ErrorNames {

    public static final String ALL = "States.ALL";
    public static final String TIMEOUT = "States.Timeout";
    public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String PERMISSIONS = "States.Permissions";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
    public static final String BRANCH_FAILED = "States.BranchFailed";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";

    /** Every predefined name; user errors must not start with {@code States.}. */
    public static final List<String> PREDEFINED = List.of(ALL, TIMEOUT, HEARTBEAT_TIMEOUT, TASK_FAILED,
            PERMISSIONS, RESULT_PATH_MATCH_FAILURE, PARAMETER_PATH_FAILURE, BRANCH_FAILED, NO_CHOICE_MATCHED,
            INTRINSIC_FAILURE, EXCEED_TOLERATED_FAILURE_THRESHOLD, ITEM_READER_FAILED, RESULT_WRITER_FAILED,
            RUNTIME, DATA_LIMIT_EXCEEDED);

    private ErrorNames() {
    }

    /**
     * Whether a retrier's or catcher's {@code ErrorEquals} entry matches an error. The guide:
     * {@code States.Runtime} and {@code States.DataLimitExceeded} are terminal and never caught or
     * retried, not even by {@code States.ALL}; {@code States.TaskFailed} matches every error except
     * {@code States.Timeout}; a heartbeat timeout is reported as {@code States.HeartbeatTimeout}
     * and is also a {@code States.Timeout}.
     */
    public static boolean matches(String errorEquals, String error) {
        if (isTerminal(error)) {
            return false;
        }
        return switch (errorEquals) {
            case ALL -> true;
            case TASK_FAILED -> !TIMEOUT.equals(error) && !HEARTBEAT_TIMEOUT.equals(error);
            case TIMEOUT -> TIMEOUT.equals(error) || HEARTBEAT_TIMEOUT.equals(error);
            default -> errorEquals.equals(error);
        };
    }

    public static boolean matchesAny(List<String> errorEquals, String error) {
        for (String e : errorEquals) {
            if (matches(e, error)) {
                return true;
            }
        }
        return false;
    }

    /** Errors that end the execution whatever the Retry and Catch fields say. */
    public static boolean isTerminal(String error) {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }
}
