package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;

/** Wait, Succeed, Fail, the execution's own timeout, and the shape of the history. */
class FlowAndHistoryTest {

    @Test
    void waitStatesWaitForSecondsOrUntilATimestampOnTheClock() {
        RecordingClock clock = new RecordingClock();
        AslEngine engine = AslEngine.builder().clock(clock).build();
        String def = """
                {"StartAt":"A","States":{
                  "A":{"Type":"Wait","Seconds":10,"Next":"B"},
                  "B":{"Type":"Wait","SecondsPath":"$.s","Next":"C"},
                  "C":{"Type":"Wait","TimestampPath":"$.until","Next":"D"},
                  "D":{"Type":"Wait","Timestamp":"2000-01-01T00:00:00Z","End":true}}}""";
        String until = Instant.now().plus(Duration.ofHours(1)).toString();
        ExecutionResult r = run(engine, def, "{\"s\":3,\"until\":\"" + until + "\"}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(clock.sleeps.get(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(clock.sleeps.get(1)).isEqualTo(Duration.ofSeconds(3));
        assertThat(clock.sleeps.get(2)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(60));
        assertThat(clock.sleeps.get(3)).isNegative();
    }

    @Test
    void aWaitPassesItsInputThrough() {
        assertThat(Asl.output("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":5,\"End\":true}}}",
                "{\"k\":[1]}")).isEqualTo(json("{\"k\":[1]}"));
    }

    @Test
    void aSecondsPathThatIsNotAnIntegerIsARuntimeError() {
        ExecutionResult r = run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"SecondsPath\":\"$.s\",\"End\":true}}}",
                "{\"s\":\"soon\"}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).endsWith("The SecondsPath parameter does not reference a valid integer value: $.s");
    }

    @Test
    void aTimestampPathThatIsNotATimestampIsARuntimeError() {
        ExecutionResult r = run("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"TimestampPath\":\"$.t\",\"End\":true}}}",
                "{\"t\":\"2016-03-14 01:59\"}");
        assertThat(r.cause()).endsWith("The TimestampPath parameter does not reference a valid ISO-8601 extended offset "
                + "date-time format string: $.t");
    }

    @Test
    void succeedEndsTheExecutionWithItsFilteredInput() {
        String def = """
                {"StartAt":"S","States":{"S":{"Type":"Succeed","InputPath":"$.a","OutputPath":"$.b"}}}""";
        assertThat(Asl.output(def, "{\"a\":{\"b\":5}}")).isEqualTo(json("5"));
    }

    @Test
    void failEndsTheExecutionWithItsErrorAndCause() {
        Execution e = Asl.start(Asl.engine().build(),
                "{\"StartAt\":\"F\",\"States\":{\"F\":{\"Type\":\"Fail\",\"Error\":\"ErrorA\",\"Cause\":\"Kaiju attack\"}}}", "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r).isEqualTo(new ExecutionResult(ExecutionStatus.FAILED, null, "ErrorA", "Kaiju attack"));
        assertThat(Asl.types(e)).containsExactly(HistoryEventType.ExecutionStarted, HistoryEventType.FailStateEntered,
                HistoryEventType.ExecutionFailed);
    }

    @Test
    void failTakesErrorAndCauseFromPathsAndIntrinsics() {
        String def = """
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.code",
                  "CausePath":"States.Format('file {} rejected: {}', $.file, $.reason)"}}}""";
        ExecutionResult r = run(def, "{\"code\":\"DuplicateFile\",\"file\":\"a.ach\",\"reason\":\"seen before\"}");
        assertThat(r.error()).isEqualTo("DuplicateFile");
        assertThat(r.cause()).isEqualTo("file a.ach rejected: seen before");
    }

    @Test
    void theTopLevelTimeoutEndsTheExecutionAsTimedOut() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            ctx.onCancel(cancelled::countDown);
            new CountDownLatch(1).await();
            return payload;
        }).build();
        String def = """
                {"TimeoutSeconds":1,"StartAt":"T","States":{"T":{"Type":"Task",
                  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:slow",
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Never"}],"End":true},
                 "Never":{"Type":"Succeed"}}}""";
        Execution e = Asl.start(engine, def, "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(cancelled.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(Asl.types(e).getLast()).isEqualTo(HistoryEventType.ExecutionTimedOut);
        assertThat(Asl.types(e)).doesNotContain(HistoryEventType.ExecutionFailed);
    }

    @Test
    void stoppingAWaitingExecutionAbortsIt() throws Exception {
        AslEngine engine = AslEngine.builder().build();
        Execution e = Asl.start(engine, "{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}",
                "{}");
        while (!Asl.types(e).contains(HistoryEventType.WaitStateEntered)) {
            assertThat(e.await(Duration.ofMillis(20))).isEmpty();
        }
        e.stop(null, null);
        ExecutionResult r = Asl.finish(e);
        assertThat(r.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(Asl.types(e)).containsSubsequence(HistoryEventType.WaitStateEntered, HistoryEventType.WaitStateAborted,
                HistoryEventType.ExecutionAborted);
    }

    @Test
    void historyEventsChainWithIdsPreviousIdsAndTheirInputAndOutput() {
        String def = """
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.a","Next":"B"},
                  "B":{"Type":"Succeed"}}}""";
        Execution e = Asl.start(Asl.engine().roleArn("arn:aws:iam::123456789012:role/sfn").build(), def, "{\"in\":true}");
        Asl.finish(e);
        List<HistoryEvent> h = e.history();
        assertThat(h).extracting(HistoryEvent::type).containsExactly(HistoryEventType.ExecutionStarted,
                HistoryEventType.PassStateEntered, HistoryEventType.PassStateExited, HistoryEventType.SucceedStateEntered,
                HistoryEventType.SucceedStateExited, HistoryEventType.ExecutionSucceeded);
        for (int i = 0; i < h.size(); i++) {
            assertThat(h.get(i).id()).isEqualTo(i + 1);
            assertThat(h.get(i).previousEventId()).isEqualTo(i);
            if (i > 0) {
                assertThat(h.get(i).timestamp()).isAfterOrEqualTo(h.get(i - 1).timestamp());
            }
        }
        ObjectNode started = h.get(0).toJson();
        assertThat(started.get("type").asText()).isEqualTo("ExecutionStarted");
        assertThat(started.at("/executionStartedEventDetails/input").asText()).isEqualTo("{\"in\":true}");
        assertThat(started.at("/executionStartedEventDetails/roleArn").asText()).isEqualTo("arn:aws:iam::123456789012:role/sfn");
        assertThat(h.get(1).toJson().at("/stateEnteredEventDetails/name").asText()).isEqualTo("A");
        assertThat(h.get(2).toJson().at("/stateExitedEventDetails/output").asText())
                .isEqualTo("{\"in\":true,\"a\":{\"x\":1}}");
        assertThat(h.get(5).toJson().at("/executionSucceededEventDetails/output").asText())
                .isEqualTo("{\"in\":true,\"a\":{\"x\":1}}");
        assertThat(h.get(5).toJson().at("/executionSucceededEventDetails/outputDetails/truncated").asBoolean()).isFalse();
    }

    @Test
    void executionsOfOneStateMachineRunIndependently() throws Exception {
        AslEngine engine = Asl.engine().build();
        StateMachine sm = engine.load("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        Execution a = engine.start(sm, "a", json("1"));
        Execution b = engine.start(sm, "b", json("2"));
        assertThat(Asl.finish(a).output()).isEqualTo(json("1"));
        assertThat(Asl.finish(b).output()).isEqualTo(json("2"));
        assertThat(a.arn()).endsWith(":execution:StateMachine:a");
    }

    @Test
    void loopsThroughChoiceAndWaitRunUntilTheConditionHolds() {
        String def = """
                {"StartAt":"Init","States":{
                  "Init":{"Type":"Pass","Result":0,"ResultPath":"$.i","Next":"Check"},
                  "Check":{"Type":"Choice","Choices":[{"Variable":"$.i","NumericGreaterThanEquals":5,"Next":"Done"}],"Default":"Inc"},
                  "Inc":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"Pause"},
                  "Pause":{"Type":"Wait","Seconds":60,"Next":"Check"},
                  "Done":{"Type":"Succeed"}}}""";
        assertThat(Asl.output(def, "{}")).isEqualTo(json("{\"i\":5}"));
    }
}
