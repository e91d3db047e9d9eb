package com.paysaga.asl.internal.run;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.ExecutionStatus;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.internal.json.Json;

/** Runs an execution from ExecutionStarted to its terminal event, on the calling thread. */
public final class ExecutionDriver {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionDriver.class);

    private ExecutionDriver() {
    }

    public static ExecutionResult drive(ExecutionRun run) {
        ExecutionResult result = driveToEnd(run);
        run.completion().complete(result);
        return result;
    }

    private static ExecutionResult driveToEnd(ExecutionRun run) {
        Cursor cursor = new Cursor(run.log(), 0);
        ObjectNode started = Json.object();
        started.put("input", Json.compact(run.input()));
        started.putObject("inputDetails").put("truncated", false);
        started.put("roleArn", run.services().roleArn());
        cursor.emit(HistoryEventType.ExecutionStarted, started);

        Thread watchdog = null;
        Integer timeout = run.machine().timeoutSeconds();
        if (timeout != null) {
            watchdog = Thread.ofVirtual().name("asl-timeout-" + run.name()).start(() -> {
                try {
                    Thread.sleep(Duration.ofSeconds(timeout));
                    run.scope().cancel(new Stop(Stop.Kind.TIMED_OUT, ErrorNames.TIMEOUT, null));
                } catch (InterruptedException e) {
                    // The execution ended first.
                }
            });
        }
        Scope scope = run.scope();
        scope.enter();
        try {
            JsonNode output = new Interpreter(run).runMachine(run.machine(), run.input(), new Interpreter.Flow(scope, cursor));
            ObjectNode d = Json.object();
            d.put("output", Json.compact(output));
            d.putObject("outputDetails").put("truncated", false);
            cursor.emit(HistoryEventType.ExecutionSucceeded, d);
            return new ExecutionResult(ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (StatesFailure f) {
            cursor.emit(HistoryEventType.ExecutionFailed, errorDetails(f.error(), f.cause()));
            return new ExecutionResult(ExecutionStatus.FAILED, null, f.error(), f.cause());
        } catch (FlowStopped s) {
            return stopped(cursor, s.stop());
        } catch (RuntimeException e) {
            if (scope.isStopped()) {
                return stopped(cursor, scope.stop());
            }
            LOG.error("Execution {} failed on an engine error", run.arn(), e);
            String cause = "Internal error of the local ASL engine: " + e;
            cursor.emit(HistoryEventType.ExecutionFailed, errorDetails(ErrorNames.RUNTIME, cause));
            return new ExecutionResult(ExecutionStatus.FAILED, null, ErrorNames.RUNTIME, cause);
        } finally {
            scope.leave();
            Thread.interrupted();
            if (watchdog != null) {
                watchdog.interrupt();
            }
        }
    }

    private static ExecutionResult stopped(Cursor cursor, Stop stop) {
        if (stop.kind() == Stop.Kind.TIMED_OUT) {
            cursor.emit(HistoryEventType.ExecutionTimedOut, errorDetails(ErrorNames.TIMEOUT, stop.cause()));
            return new ExecutionResult(ExecutionStatus.TIMED_OUT, null, ErrorNames.TIMEOUT, stop.cause());
        }
        cursor.emit(HistoryEventType.ExecutionAborted, errorDetails(stop.error(), stop.cause()));
        return new ExecutionResult(ExecutionStatus.ABORTED, null, stop.error(), stop.cause());
    }

    private static ObjectNode errorDetails(String error, String cause) {
        ObjectNode d = Json.object();
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        return d;
    }
}
