package com.paysaga.asl.task;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an invoker may use while it runs a task. Timeouts are enforced by the engine: when
 * {@code TimeoutSeconds} or {@code HeartbeatSeconds} expire, or the execution is stopped, the
 * invocation is cancelled ({@link #isCancelled()} turns true, callbacks registered with
 * {@link #onCancel} run, and the invoking thread is interrupted) and the engine reports
 * {@code States.Timeout} / {@code States.HeartbeatTimeout} itself. Thread-safe.
 */
public interface TaskContext {

    /** Resets the {@code HeartbeatSeconds} timer, like {@code SendTaskHeartbeat}. */
    void heartbeat();

    /** The token of a {@code .waitForTaskToken} task (the value of {@code $$.Task.Token}). */
    Optional<String> taskToken();

    /** When {@code TimeoutSeconds} expires, if the state has one. */
    Optional<Instant> deadline();

    boolean isCancelled();

    /** Runs {@code action} once when the invocation is cancelled (immediately if it already is). */
    void onCancel(Runnable action);

    /**
     * Records {@code TaskSubmitted} with {@code output}: for {@code .sync} integrations, call it
     * once the job is submitted and before waiting for its completion, as the service does.
     */
    void submitted(JsonNode output);

    /** The execution's ARN, for logs and for invokers that start child work. */
    String executionArn();

    /** The Task state's name. */
    String stateName();
}
