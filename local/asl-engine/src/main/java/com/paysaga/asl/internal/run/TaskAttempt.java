package com.paysaga.asl.internal.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.task.ResourceArn;
import com.paysaga.asl.task.TaskContext;

/**
 * One invocation of a Task's resource: the invoker runs on its own virtual thread while the
 * state's thread waits here for the first of: the result, a failure, the task token's answer,
 * {@code TimeoutSeconds}, or a missed heartbeat. Timeouts use real (monotonic) time.
 */
public final class TaskAttempt implements TaskContext {

    /** What the waiting state learns. */
    public sealed interface Outcome {
        record Succeeded(JsonNode result) implements Outcome {
        }

        record Failed(String error, String cause) implements Outcome {
        }

        record TimedOut(String error) implements Outcome {
        }

        /** A {@code .waitForTaskToken} invoker returned: record TaskSubmitted, then keep waiting. */
        record Submitted(JsonNode output) implements Outcome {
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Scope scope;
    private final ResourceArn resource;
    private final String token;
    private final long timeoutNanos;
    private final long heartbeatNanos;
    private final Instant deadline;
    private final String executionArn;
    private final String stateName;
    private final Consumer<JsonNode> submittedRecorder;
    private final long startNanos;

    private long lastHeartbeatNanos;
    private boolean invokerDone;
    private JsonNode invokerResult;
    private boolean submittedReported;
    private Outcome.Failed failure;
    private boolean tokenAnswered;
    private JsonNode tokenResult;

    public TaskAttempt(Scope scope, ResourceArn resource, String token, Duration timeout, Duration heartbeat,
            Instant now, String executionArn, String stateName, Consumer<JsonNode> submittedRecorder) {
        this.scope = scope;
        this.resource = resource;
        this.token = token;
        this.timeoutNanos = timeout == null ? 0 : timeout.toNanos();
        this.heartbeatNanos = heartbeat == null ? 0 : heartbeat.toNanos();
        this.deadline = timeout == null ? null : now.plus(timeout);
        this.executionArn = executionArn;
        this.stateName = stateName;
        this.submittedRecorder = submittedRecorder;
        this.startNanos = System.nanoTime();
        this.lastHeartbeatNanos = startNanos;
    }

    public Scope scope() {
        return scope;
    }

    void invokerReturned(JsonNode result) {
        signal(() -> {
            invokerDone = true;
            invokerResult = result;
        });
    }

    void invokerFailed(String error, String cause) {
        signal(() -> {
            if (failure == null) {
                failure = new Outcome.Failed(error, cause);
            }
        });
    }

    /** SendTaskSuccess / SendTaskFailure; false when the task already has an answer. */
    public boolean answer(JsonNode output, String error, String cause) {
        lock.lock();
        try {
            if (tokenAnswered || failure != null) {
                return false;
            }
            tokenAnswered = true;
            if (error != null || output == null) {
                failure = new Outcome.Failed(error, cause);
            } else {
                tokenResult = output;
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void signal(Runnable update) {
        lock.lock();
        try {
            update.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next thing the state must react to; interrupted when the flow is stopped. */
    public Outcome await() throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (failure != null) {
                    return failure;
                }
                if (resource.pattern() == ResourceArn.Pattern.WAIT_FOR_TASK_TOKEN) {
                    if (invokerDone && !submittedReported) {
                        submittedReported = true;
                        return new Outcome.Submitted(invokerResult);
                    }
                    if (invokerDone && tokenAnswered) {
                        return new Outcome.Succeeded(tokenResult);
                    }
                } else if (invokerDone) {
                    return new Outcome.Succeeded(invokerResult);
                }
                long now = System.nanoTime();
                long waitNanos = Long.MAX_VALUE;
                if (timeoutNanos > 0) {
                    long left = startNanos + timeoutNanos - now;
                    if (left <= 0) {
                        return new Outcome.TimedOut(ErrorNames.TIMEOUT);
                    }
                    waitNanos = left;
                }
                if (heartbeatNanos > 0) {
                    long left = lastHeartbeatNanos + heartbeatNanos - now;
                    if (left <= 0) {
                        return new Outcome.TimedOut(ErrorNames.HEARTBEAT_TIMEOUT);
                    }
                    waitNanos = Math.min(waitNanos, left);
                }
                if (waitNanos == Long.MAX_VALUE) {
                    changed.await();
                } else {
                    changed.awaitNanos(waitNanos);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void heartbeat() {
        signal(() -> lastHeartbeatNanos = System.nanoTime());
    }

    @Override
    public Optional<String> taskToken() {
        return Optional.ofNullable(token);
    }

    @Override
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    @Override
    public boolean isCancelled() {
        return scope.isStopped();
    }

    @Override
    public void onCancel(Runnable action) {
        scope.onCancel(action);
    }

    @Override
    public void submitted(JsonNode output) {
        submittedRecorder.accept(output);
    }

    @Override
    public String executionArn() {
        return executionArn;
    }

    @Override
    public String stateName() {
        return stateName;
    }
}
