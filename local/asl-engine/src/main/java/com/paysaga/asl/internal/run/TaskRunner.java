package com.paysaga.asl.internal.run;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ErrorNames;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.internal.json.Json;
import com.paysaga.asl.internal.model.Model;
import com.paysaga.asl.task.ResourceArn;
import com.paysaga.asl.task.TaskFailedException;
import com.paysaga.asl.task.TaskInvoker;

/**
 * The Task state: effective parameters, the invocation through the registered invoker (on its
 * own virtual thread, so that the engine can enforce TimeoutSeconds and HeartbeatSeconds and
 * cancel it), and the history events of the service: LambdaFunction* for a direct Lambda ARN,
 * Task* for service integrations.
 */
final class TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(TaskRunner.class);
    private static final SecureRandom TOKENS = new SecureRandom();

    private final Interpreter interpreter;

    TaskRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
    }

    Interpreter.Step task(Interpreter.Visit v, Model.Task s, JsonNode raw) {
        JsonNode effective = Interpreter.applyPath(s.inputPath(), raw, v.context());
        ResourceArn resource = ResourceArn.parse(s.resource());
        return interpreter.retrying(v, s.retry(), s.catchers(), raw, HistoryEventType.TaskStateExited, null, () -> {
            v.taskToken = resource.pattern() == ResourceArn.Pattern.WAIT_FOR_TASK_TOKEN ? newToken() : null;
            Supplier<JsonNode> ctx = v.context();
            JsonNode parameters = s.parameters() == null ? effective : s.parameters().evaluate(effective, ctx);
            Double timeout = Interpreter.number(s.timeout(), effective, ctx, true);
            Double heartbeat = Interpreter.number(s.heartbeat(), effective, ctx, true);
            if (timeout != null && timeout < 1 || heartbeat != null && heartbeat < 1) {
                throw StatesFailure.detected(ErrorNames.RUNTIME, "TimeoutSeconds and HeartbeatSeconds must be positive");
            }
            JsonNode result = invoke(v, resource, parameters, timeout == null ? null : Duration.ofSeconds(timeout.longValue()),
                    heartbeat == null ? null : Duration.ofSeconds(heartbeat.longValue()));
            if (s.resultSelector() != null) {
                result = s.resultSelector().evaluate(result, v.context());
            }
            JsonNode output = Interpreter.applyPath(s.outputPath(),
                    Interpreter.applyResultPath(s.resultPath(), raw, result), v.context());
            v.exited(HistoryEventType.TaskStateExited, output);
            return new Interpreter.Step(s.next(), output);
        });
    }

    private static String newToken() {
        byte[] bytes = new byte[48];
        TOKENS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private JsonNode invoke(Interpreter.Visit v, ResourceArn resource, JsonNode parameters, Duration timeout,
            Duration heartbeat) {
        boolean lambda = resource.isDirectLambda();
        ObjectNode scheduled = Json.object();
        if (lambda) {
            scheduled.put("resource", resource.arn());
            scheduled.put("input", Json.compact(parameters));
            scheduled.putObject("inputDetails").put("truncated", false);
            if (timeout != null) {
                scheduled.put("timeoutInSeconds", timeout.toSeconds());
            }
            v.emit(HistoryEventType.LambdaFunctionScheduled, scheduled);
        } else {
            taskIdentity(scheduled, resource);
            scheduled.put("region", interpreter.services.region());
            scheduled.put("parameters", Json.compact(parameters));
            if (timeout != null) {
                scheduled.put("timeoutInSeconds", timeout.toSeconds());
            }
            if (heartbeat != null) {
                scheduled.put("heartbeatInSeconds", heartbeat.toSeconds());
            }
            v.emit(HistoryEventType.TaskScheduled, scheduled);
        }

        Optional<TaskInvoker> invoker = interpreter.services.invokerFor(resource.invokedArn());
        if (invoker.isEmpty()) {
            // Nothing in this runtime can run the resource: reported like the service reports a
            // resource that does not exist, under the integration's own error prefix.
            String error = resource.errorPrefix() + ".ResourceNotFoundException";
            String cause = "No invoker is configured for resource '" + resource.invokedArn()
                    + "' in this runtime (the local ASL engine runs only the resources it is given)";
            ObjectNode d = failure(lambda, resource, error, cause);
            v.emit(lambda ? HistoryEventType.LambdaFunctionStartFailed : HistoryEventType.TaskStartFailed, d);
            throw new StatesFailure(error, cause, false);
        }
        ObjectNode started = Json.object();
        if (!lambda) {
            taskIdentity(started, resource);
        }
        v.emit(lambda ? HistoryEventType.LambdaFunctionStarted : HistoryEventType.TaskStarted, lambda ? null : started);

        Scope scope = v.flow.scope().child();
        TaskAttempt attempt = new TaskAttempt(scope, resource, v.taskToken, timeout, heartbeat,
                interpreter.services.clock().now(), interpreter.run.arn(), v.state.name(),
                output -> v.emit(HistoryEventType.TaskSubmitted, withOutput(taskIdentity(Json.object(), resource), output)));
        if (v.taskToken != null) {
            interpreter.services.tokens().put(v.taskToken, attempt);
        }
        TaskInvoker target = invoker.get();
        JsonNode isolated = parameters.deepCopy();
        Thread.ofVirtual().name("asl-task-" + v.state.name()).start(() -> {
            scope.enter();
            try {
                JsonNode result = target.invoke(resource, isolated, attempt);
                attempt.invokerReturned(result == null ? NullNode.getInstance() : result);
            } catch (TaskFailedException e) {
                attempt.invokerFailed(e.error(), e.cause());
            } catch (InterruptedException e) {
                if (!scope.isStopped()) {
                    attempt.invokerFailed(ErrorNames.TASK_FAILED, "The task was interrupted");
                }
            } catch (RuntimeException e) {
                LOG.warn("Task invoker for {} threw {}", resource.arn(), e.toString());
                attempt.invokerFailed(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
            } finally {
                scope.leave();
            }
        });

        boolean done = false;
        try {
            while (true) {
                TaskAttempt.Outcome outcome = attempt.await();
                switch (outcome) {
                    case TaskAttempt.Outcome.Submitted s ->
                        v.emit(HistoryEventType.TaskSubmitted, withOutput(taskIdentity(Json.object(), resource), s.output()));
                    case TaskAttempt.Outcome.Succeeded s -> {
                        done = true;
                        ObjectNode d = lambda ? Json.object() : taskIdentity(Json.object(), resource);
                        v.emit(lambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded,
                                withOutput(d, s.result()));
                        return s.result();
                    }
                    case TaskAttempt.Outcome.Failed f -> {
                        v.emit(lambda ? HistoryEventType.LambdaFunctionFailed : HistoryEventType.TaskFailed,
                                failure(lambda, resource, f.error(), f.cause()));
                        throw new StatesFailure(f.error(), f.cause(), false);
                    }
                    case TaskAttempt.Outcome.TimedOut t -> {
                        scope.cancel(new Stop(Stop.Kind.TIMED_OUT, t.error(), null));
                        v.emit(lambda ? HistoryEventType.LambdaFunctionTimedOut : HistoryEventType.TaskTimedOut,
                                failure(lambda, resource, t.error(), null));
                        throw new StatesFailure(t.error(), null, false);
                    }
                }
            }
        } catch (InterruptedException e) {
            Stop stop = v.flow.scope().stop();
            scope.cancel(stop != null ? stop : new Stop(Stop.Kind.ABORTED, null, null));
            throw v.flow.scope().stopped();
        } finally {
            if (v.taskToken != null) {
                interpreter.services.tokens().remove(v.taskToken);
            }
            if (!done) {
                scope.cancel(new Stop(Stop.Kind.SIBLING_FAILED, null, null));
            }
            scope.close();
        }
    }

    private static ObjectNode taskIdentity(ObjectNode d, ResourceArn resource) {
        d.put("resourceType", resource.resourceType());
        d.put("resource", resource.resourceName());
        return d;
    }

    private static ObjectNode withOutput(ObjectNode d, JsonNode output) {
        d.put("output", Json.compact(output));
        d.putObject("outputDetails").put("truncated", false);
        return d;
    }

    private static ObjectNode failure(boolean lambda, ResourceArn resource, String error, String cause) {
        ObjectNode d = lambda ? Json.object() : taskIdentity(Json.object(), resource);
        if (error != null) {
            d.put("error", error);
        }
        if (cause != null) {
            d.put("cause", cause);
        }
        return d;
    }
}
