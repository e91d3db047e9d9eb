package com.paysaga.asl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.internal.run.ExecutionRun;
import com.paysaga.asl.internal.run.Stop;

/**
 * A running or finished execution. It runs on its own virtual thread from
 * {@link AslEngine#start}; {@link #await()} blocks until it ends, {@link #stop} aborts it, and
 * {@link #history()} is a snapshot of its events at any moment.
 */
public final class Execution {

    private final ExecutionRun run;
    private final CompletableFuture<ExecutionResult> result;

    Execution(ExecutionRun run) {
        this.run = run;
        this.result = run.completion();
    }

    public String arn() {
        return run.arn();
    }

    public String name() {
        return run.name();
    }

    public ExecutionStatus status() {
        return result.isDone() ? result.join().status() : ExecutionStatus.RUNNING;
    }

    /** Waits for the end of the execution. */
    public ExecutionResult await() throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the execution thread failed", e.getCause());
        }
    }

    /** Waits at most {@code timeout}; empty if the execution is still running then. */
    public Optional<ExecutionResult> await(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(result.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the execution thread failed", e.getCause());
        }
    }

    /**
     * StopExecution: aborts the execution (status ABORTED, an ExecutionAborted event with this
     * error and cause, both optional). Running tasks are cancelled. No effect once it has ended.
     */
    public void stop(String error, String cause) {
        run.scope().cancel(new Stop(Stop.Kind.ABORTED, error, cause));
    }

    /** The events recorded so far, in id order. */
    public List<HistoryEvent> history() {
        return run.log().snapshot();
    }

    /** The child workflow executions of Distributed Map states, each with its own history. */
    public List<Execution> childExecutions() {
        return run.children().stream().map(Execution::new).toList();
    }
}
