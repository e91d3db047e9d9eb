package com.paysaga.asl.history;

/**
 * The history event types the engine records, named as in the service's
 * {@code GetExecutionHistory} ({@code HistoryEventType}); {@link #detailsField()} is the name of
 * the details member the service uses for the type.
 */
public enum HistoryEventType {
    ExecutionStarted("executionStartedEventDetails"),
    ExecutionSucceeded("executionSucceededEventDetails"),
    ExecutionFailed("executionFailedEventDetails"),
    ExecutionAborted("executionAbortedEventDetails"),
    ExecutionTimedOut("executionTimedOutEventDetails"),

    PassStateEntered("stateEnteredEventDetails"), PassStateExited("stateExitedEventDetails"),
    ChoiceStateEntered("stateEnteredEventDetails"), ChoiceStateExited("stateExitedEventDetails"),
    WaitStateEntered("stateEnteredEventDetails"), WaitStateExited("stateExitedEventDetails"),
    WaitStateAborted(null),
    SucceedStateEntered("stateEnteredEventDetails"), SucceedStateExited("stateExitedEventDetails"),
    FailStateEntered("stateEnteredEventDetails"),
    TaskStateEntered("stateEnteredEventDetails"), TaskStateExited("stateExitedEventDetails"),
    TaskStateAborted(null),
    ParallelStateEntered("stateEnteredEventDetails"), ParallelStateExited("stateExitedEventDetails"),
    MapStateEntered("stateEnteredEventDetails"), MapStateExited("stateExitedEventDetails"),

    TaskScheduled("taskScheduledEventDetails"),
    TaskStarted("taskStartedEventDetails"),
    TaskStartFailed("taskStartFailedEventDetails"),
    TaskSubmitted("taskSubmittedEventDetails"),
    TaskSucceeded("taskSucceededEventDetails"),
    TaskFailed("taskFailedEventDetails"),
    TaskTimedOut("taskTimedOutEventDetails"),

    LambdaFunctionScheduled("lambdaFunctionScheduledEventDetails"),
    LambdaFunctionStarted(null),
    LambdaFunctionStartFailed("lambdaFunctionStartFailedEventDetails"),
    LambdaFunctionSucceeded("lambdaFunctionSucceededEventDetails"),
    LambdaFunctionFailed("lambdaFunctionFailedEventDetails"),
    LambdaFunctionTimedOut("lambdaFunctionTimedOutEventDetails"),

    ParallelStateStarted(null), ParallelStateSucceeded(null), ParallelStateFailed(null), ParallelStateAborted(null),

    MapStateStarted("mapStateStartedEventDetails"), MapStateSucceeded(null), MapStateFailed(null),
    MapStateAborted(null),
    MapIterationStarted("mapIterationStartedEventDetails"),
    MapIterationSucceeded("mapIterationSucceededEventDetails"),
    MapIterationFailed("mapIterationFailedEventDetails"),
    MapIterationAborted("mapIterationAbortedEventDetails"),
    MapRunStarted("mapRunStartedEventDetails"), MapRunSucceeded(null), MapRunFailed("mapRunFailedEventDetails"),
    MapRunAborted(null);

    private final String detailsField;

    HistoryEventType(String detailsField) {
        this.detailsField = detailsField;
    }

    /** The details member's name, null for types that carry no details. */
    public String detailsField() {
        return detailsField;
    }
}
