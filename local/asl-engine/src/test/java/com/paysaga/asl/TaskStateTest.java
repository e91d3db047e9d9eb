package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.task.ResourceArn;
import com.paysaga.asl.task.TaskFailedException;

/** Task states: invokers by resource, the service's history events, timeouts, heartbeats, callbacks. */
class TaskStateTest {

    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:Hello";

    private static String single(String resource, String fields) {
        return """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"%s",%s"End":true}}}"""
                .formatted(resource, fields.isEmpty() ? "" : fields + ",");
    }

    private static HistoryEvent event(Execution e, HistoryEventType type) {
        return e.history().stream().filter(h -> h.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + Asl.types(e)));
    }

    /** Waits for a value another thread hands over; never sleeps a fixed time. */
    private static String poll(CompletableFuture<String> value) throws Exception {
        return value.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aDirectLambdaTaskRecordsLambdaFunctionEvents() {
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> json("{\"echo\":" + payload + "}")).build();
        Execution e = Asl.start(engine, single(FN, ""), "{\"a\":1}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.output()).isEqualTo(json("{\"echo\":{\"a\":1}}"));
        assertThat(Asl.types(e)).containsExactly(HistoryEventType.ExecutionStarted, HistoryEventType.TaskStateEntered,
                HistoryEventType.LambdaFunctionScheduled, HistoryEventType.LambdaFunctionStarted,
                HistoryEventType.LambdaFunctionSucceeded, HistoryEventType.TaskStateExited,
                HistoryEventType.ExecutionSucceeded);
        HistoryEvent scheduled = event(e, HistoryEventType.LambdaFunctionScheduled);
        assertThat(scheduled.details().get("resource").asText()).isEqualTo(FN);
        assertThat(scheduled.details().get("input").asText()).isEqualTo("{\"a\":1}");
        assertThat(event(e, HistoryEventType.LambdaFunctionSucceeded).details().get("output").asText())
                .isEqualTo("{\"echo\":{\"a\":1}}");
    }

    @Test
    void theOptimizedLambdaIntegrationWrapsTheResultLikeTheService() {
        AtomicReference<String> called = new AtomicReference<>();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            called.set(fn);
            return json("{\"ok\":" + payload.get("n") + "}");
        }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::lambda:invoke",
                "\"Parameters\":{\"FunctionName\":\"" + FN + "\",\"Payload\":{\"n.$\":\"$.n\"}}"), "{\"n\":5}");
        JsonNode out = Asl.finish(e).output();
        assertThat(called.get()).isEqualTo(FN);
        assertThat(out.get("Payload")).isEqualTo(json("{\"ok\":5}"));
        assertThat(out.get("StatusCode").asInt()).isEqualTo(200);
        assertThat(out.get("ExecutedVersion").asText()).isEqualTo("$LATEST");
        assertThat(out.at("/SdkResponseMetadata/RequestId").asText()).isNotEmpty();
        assertThat(out.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
        HistoryEvent scheduled = event(e, HistoryEventType.TaskScheduled);
        assertThat(scheduled.details().get("resourceType").asText()).isEqualTo("lambda");
        assertThat(scheduled.details().get("resource").asText()).isEqualTo("invoke");
        assertThat(scheduled.details().get("region").asText()).isEqualTo("us-east-1");
        assertThat(json(scheduled.details().get("parameters").asText()))
                .isEqualTo(json("{\"FunctionName\":\"" + FN + "\",\"Payload\":{\"n\":5}}"));
        assertThat(Asl.types(e)).containsSubsequence(HistoryEventType.TaskScheduled, HistoryEventType.TaskStarted,
                HistoryEventType.TaskSucceeded, HistoryEventType.TaskStateExited);
    }

    @Test
    void invokersAreChosenByResourcePattern() {
        AslEngine engine = Asl.engine()
                .invoker("arn:aws:states:::dynamodb:*", (r, p, c) -> json("{\"service\":\"ddb\",\"action\":\"" + r.action() + "\"}"))
                .invoker("arn:aws:states:::sns:publish", (r, p, c) -> json("{\"MessageId\":\"m-1\"}"))
                .build();
        assertThat(run(engine, single("arn:aws:states:::dynamodb:putItem", "\"Parameters\":{\"TableName\":\"t\"}"), "{}")
                .output()).isEqualTo(json("{\"service\":\"ddb\",\"action\":\"putItem\"}"));
        assertThat(run(engine, single("arn:aws:states:::sns:publish", "\"Parameters\":{\"Message\":\"hi\"}"), "{}")
                .output()).isEqualTo(json("{\"MessageId\":\"m-1\"}"));
    }

    @Test
    void aResourceWithoutInvokerFailsAsAMissingResourceAndCanBeCaught() {
        Execution lambda = Asl.start(Asl.engine().build(), single(FN, ""), "{}");
        ExecutionResult r = Asl.finish(lambda);
        assertThat(r.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(r.cause()).contains(FN);
        assertThat(Asl.types(lambda)).contains(HistoryEventType.LambdaFunctionStartFailed);

        Execution ddb = Asl.start(Asl.engine().build(), """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
                  "Catch":[{"ErrorEquals":["DynamoDB.ResourceNotFoundException"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""", "{}");
        assertThat(Asl.finish(ddb).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(event(ddb, HistoryEventType.TaskStartFailed).details().get("resourceType").asText()).isEqualTo("dynamodb");
    }

    @Test
    void aTaskThatRunsPastTimeoutSecondsIsCancelledAndFailsWithStatesTimeout() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            ctx.onCancel(cancelled::countDown);
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return payload;
        }).build();
        Execution e = Asl.start(engine, single(FN, "\"TimeoutSeconds\":1"), "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Asl.types(e)).contains(HistoryEventType.LambdaFunctionTimedOut);
        assertThat(event(e, HistoryEventType.LambdaFunctionScheduled).details().get("timeoutInSeconds").asInt()).isEqualTo(1);
    }

    @Test
    void statesTaskFailedDoesNotMatchATimeoutButStatesTimeoutDoes() {
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::sqs:*", (r, p, ctx) -> {
            new CountDownLatch(1).await();
            return p;
        }).build();
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","TimeoutSeconds":1,
                   "Retry":[{"ErrorEquals":["States.TaskFailed"]}],
                   "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"Wrong"},{"ErrorEquals":["States.Timeout"],"Next":"Right"}],"End":true},
                 "Wrong":{"Type":"Fail","Error":"Wrong"},"Right":{"Type":"Succeed"}}}""";
        Execution e = Asl.start(engine, def, "{}");
        assertThat(Asl.finish(e).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Asl.types(e)).containsOnlyOnce(HistoryEventType.TaskTimedOut);
        assertThat(event(e, HistoryEventType.TaskTimedOut).details().get("error").asText()).isEqualTo("States.Timeout");
    }

    @Test
    void aMissedHeartbeatFailsWithHeartbeatTimeoutWhichStatesTimeoutAlsoCatches() {
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::batch:submitJob.sync", (r, p, ctx) -> {
            new CountDownLatch(1).await();
            return p;
        }).build();
        String def = """
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::batch:submitJob.sync",
                   "HeartbeatSeconds":1,"Catch":[{"ErrorEquals":["States.Timeout"],"ResultPath":"$.e","Next":"Done"}],"End":true},
                 "Done":{"Type":"Succeed"}}}""";
        Execution e = Asl.start(engine, def, "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.output().at("/e/Error").asText()).isEqualTo("States.HeartbeatTimeout");
        assertThat(event(e, HistoryEventType.TaskScheduled).details().get("heartbeatInSeconds").asInt()).isEqualTo(1);
    }

    @Test
    void heartbeatsKeepALongTaskAlive() {
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::batch:submitJob.sync", (r, p, ctx) -> {
            long end = System.nanoTime() + Duration.ofMillis(1800).toNanos();
            while (System.nanoTime() < end) {
                ctx.heartbeat();
                new CountDownLatch(1).await(200, TimeUnit.MILLISECONDS);
            }
            return json("{\"Status\":\"SUCCEEDED\"}");
        }).build();
        ExecutionResult r = run(engine, single("arn:aws:states:::batch:submitJob.sync", "\"HeartbeatSeconds\":1"), "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void timeoutSecondsPathIsReadFromTheInput() {
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::sqs:*", (r, p, ctx) -> {
            new CountDownLatch(1).await();
            return p;
        }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::sqs:sendMessage", "\"TimeoutSecondsPath\":\"$.t\""), "{\"t\":1}");
        assertThat(Asl.finish(e).error()).isEqualTo("States.Timeout");
        assertThat(event(e, HistoryEventType.TaskScheduled).details().get("timeoutInSeconds").asInt()).isEqualTo(1);
    }

    @Test
    void heartbeatSecondsPathIsReadFromTheInput() {
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::ecs:runTask.sync", (r, p, ctx) -> {
            new CountDownLatch(1).await();
            return p;
        }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::ecs:runTask.sync",
                "\"HeartbeatSecondsPath\":\"$.limits.heartbeat\""), "{\"limits\":{\"heartbeat\":1}}");
        assertThat(Asl.finish(e).error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(event(e, HistoryEventType.TaskScheduled).details().get("heartbeatInSeconds").asInt()).isEqualTo(1);
    }

    @Test
    void aSyncIntegrationRecordsTaskSubmittedBeforeItsResult() {
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::batch:submitJob.sync", (r, p, ctx) -> {
            assertThat(r.pattern()).isEqualTo(ResourceArn.Pattern.SYNC);
            ctx.submitted(json("{\"JobId\":\"j-1\"}"));
            return json("{\"JobId\":\"j-1\",\"Status\":\"SUCCEEDED\"}");
        }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::batch:submitJob.sync",
                "\"Parameters\":{\"JobName\":\"x\",\"JobQueue\":\"q\",\"JobDefinition\":\"d\"}"), "{}");
        assertThat(Asl.finish(e).output().get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(Asl.types(e)).containsSubsequence(HistoryEventType.TaskStarted, HistoryEventType.TaskSubmitted,
                HistoryEventType.TaskSucceeded);
        assertThat(event(e, HistoryEventType.TaskSubmitted).details().get("resource").asText()).isEqualTo("submitJob.sync");
    }

    @Test
    void aCallbackTaskWaitsForSendTaskSuccess() throws Exception {
        CompletableFuture<String> token = new CompletableFuture<>();
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::sqs:sendMessage", (r, p, ctx) -> {
            assertThat(ctx.taskToken()).contains(p.at("/MessageBody/token").asText());
            token.complete(p.at("/MessageBody/token").asText());
            return json("{\"MessageId\":\"m\"}");
        }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "\"Parameters\":{\"QueueUrl\":\"q\",\"MessageBody\":{\"token.$\":\"$$.Task.Token\"}}"), "{}");
        engine.sendTaskSuccess(poll(token), json("{\"approved\":true}"));
        ExecutionResult r = Asl.finish(e);
        assertThat(r.output()).isEqualTo(json("{\"approved\":true}"));
        assertThat(Asl.types(e)).containsSubsequence(HistoryEventType.TaskStarted, HistoryEventType.TaskSubmitted,
                HistoryEventType.TaskSucceeded);
        assertThatThrownBy(() -> engine.sendTaskSuccess(token.join(), json("{}")))
                .isInstanceOf(TaskTokenException.class).hasMessageStartingWith("TaskDoesNotExist");
    }

    @Test
    void sendTaskFailureFailsTheCallbackTaskWithItsErrorAndCause() throws Exception {
        CompletableFuture<String> token = new CompletableFuture<>();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            token.complete(payload.get("token").asText());
            return json("{}");
        }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::lambda:invoke.waitForTaskToken",
                "\"Parameters\":{\"FunctionName\":\"f\",\"Payload\":{\"token.$\":\"$$.Task.Token\"}}"), "{}");
        engine.sendTaskFailure(poll(token), "Rejected", "not approved");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.error()).isEqualTo("Rejected");
        assertThat(r.cause()).isEqualTo("not approved");
    }

    @Test
    void sendTaskHeartbeatKeepsACallbackTaskAlive() throws Exception {
        CompletableFuture<String> token = new CompletableFuture<>();
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::sns:publish",
                (r, p, ctx) -> {
                    token.complete(p.get("Message").asText());
                    return json("{}");
                }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::sns:publish.waitForTaskToken",
                "\"HeartbeatSeconds\":1,\"Parameters\":{\"TopicArn\":\"t\",\"Message.$\":\"$$.Task.Token\"}"), "{}");
        String t = poll(token);
        long end = System.nanoTime() + Duration.ofMillis(1600).toNanos();
        while (System.nanoTime() < end) {
            engine.sendTaskHeartbeat(t);
            assertThat(e.await(Duration.ofMillis(200))).isEmpty();
        }
        engine.sendTaskSuccess(t, json("\"done\""));
        assertThat(Asl.finish(e).output()).isEqualTo(json("\"done\""));
    }

    @Test
    void unknownTaskTokensAreRefused() {
        AslEngine engine = Asl.engine().build();
        assertThatThrownBy(() -> engine.sendTaskSuccess("nope", json("{}"))).isInstanceOf(TaskTokenException.class);
        assertThatThrownBy(() -> engine.sendTaskHeartbeat("nope")).isInstanceOf(TaskTokenException.class);
    }

    @Test
    void stoppingAnExecutionCancelsTheRunningTaskAndAbortsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            ctx.onCancel(cancelled::countDown);
            started.countDown();
            new CountDownLatch(1).await();
            return payload;
        }).build();
        Execution e = Asl.start(engine, single(FN, ""), "{}");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        e.stop("Operator", "stopped by hand");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        HistoryEvent aborted = event(e, HistoryEventType.ExecutionAborted);
        assertThat(aborted.details().get("error").asText()).isEqualTo("Operator");
        assertThat(aborted.details().get("cause").asText()).isEqualTo("stopped by hand");
        assertThat(Asl.types(e)).contains(HistoryEventType.TaskStateAborted);
        assertThat(e.status()).isEqualTo(ExecutionStatus.ABORTED);
    }

    @Test
    void resourceArnsAreReadTheWayTheServiceReadsThem() {
        ResourceArn direct = ResourceArn.parse(FN);
        assertThat(direct.isDirectLambda()).isTrue();
        ResourceArn sync = ResourceArn.parse("arn:aws:states:::batch:submitJob.sync");
        assertThat(List.of(sync.service(), sync.action(), sync.pattern().name(), sync.resourceName()))
                .containsExactly("batch", "submitJob", "SYNC", "submitJob.sync");
        ResourceArn token = ResourceArn.parse("arn:aws:states:::lambda:invoke.waitForTaskToken");
        assertThat(token.invokedArn()).isEqualTo("arn:aws:states:::lambda:invoke");
        assertThat(token.pattern()).isEqualTo(ResourceArn.Pattern.WAIT_FOR_TASK_TOKEN);
    }

    @Test
    void theTaskContextCarriesTheExecutionAndState() {
        AtomicReference<String> seen = new AtomicReference<>();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            seen.set(ctx.stateName() + "@" + ctx.executionArn() + " deadline=" + ctx.deadline().isPresent());
            return payload;
        }).build();
        run(engine, single(FN, "\"TimeoutSeconds\":30"), "{}");
        assertThat(seen.get()).startsWith("T@arn:aws:states:us-east-1:123456789012:execution:StateMachine:")
                .endsWith("deadline=true");
    }

    @Test
    void taskFailuresBecomeTaskFailedEventsWithErrorAndCause() {
        AslEngine engine = Asl.engine().invoker("arn:aws:states:::dynamodb:*", (r, p, c) -> {
            throw new TaskFailedException("DynamoDB.ConditionalCheckFailedException", "The conditional request failed");
        }).build();
        Execution e = Asl.start(engine, single("arn:aws:states:::dynamodb:putItem", ""), "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.error()).isEqualTo("DynamoDB.ConditionalCheckFailedException");
        HistoryEvent failed = event(e, HistoryEventType.TaskFailed);
        assertThat(failed.details().get("cause").asText()).isEqualTo("The conditional request failed");
        assertThat(event(e, HistoryEventType.ExecutionFailed).details().get("error").asText())
                .isEqualTo("DynamoDB.ConditionalCheckFailedException");
    }
}
