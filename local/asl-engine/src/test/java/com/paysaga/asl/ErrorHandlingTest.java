package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.task.LambdaInvoker;
import com.paysaga.asl.task.TaskFailedException;

/** Retry and Catch (developer guide, "Error handling in Step Functions"). */
class ErrorHandlingTest {

    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:f";

    /** A function that fails with the given error names in turn, then returns its payload. */
    private static LambdaInvoker failing(String... errors) {
        Iterator<String> it = List.of(errors).iterator();
        return (fn, payload, ctx) -> {
            synchronized (it) {
                if (it.hasNext()) {
                    String e = it.next();
                    throw new TaskFailedException(e, "{\"errorMessage\":\"boom\",\"errorType\":\"" + e + "\"}");
                }
            }
            return payload;
        };
    }

    /** Task X with {@code fields}, then Y; Z exists when a catcher goes there (unreachable states are invalid). */
    private static String task(String fields) {
        String z = fields.contains("\"Z\"") ? ",\n  \"Z\":{\"Type\":\"Pass\",\"End\":true}" : "";
        return """
                {"StartAt":"X","States":{
                  "X":{"Type":"Task","Resource":"%s",%s,"Next":"Y"},
                  "Y":{"Type":"Pass","Result":"Y","End":true}%s}}""".formatted(FN, fields, z);
    }

    @Test
    void theGuidesComplexRetryScenarioWaitsOneTwoFiveFourSecondsThenCatches() {
        RecordingClock clock = new RecordingClock();
        AslEngine engine = AslEngine.builder().clock(clock)
                .lambdaInvoker(failing("ErrorA", "ErrorB", "ErrorC", "ErrorB", "ErrorB")).build();
        String def = task("""
                "Retry":[{"ErrorEquals":["ErrorA","ErrorB"],"IntervalSeconds":1,"BackoffRate":2.0,"MaxAttempts":2},
                         {"ErrorEquals":["ErrorC"],"IntervalSeconds":5}],
                "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Z"}]""");
        ExecutionResult r = run(engine, def, "{}");
        assertThat(clock.seconds()).containsExactly(1.0, 2.0, 5.0, 4.0);
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get("Error").asText()).isEqualTo("ErrorB");
        assertThat(r.output().get("Cause").asText()).contains("\"errorType\":\"ErrorB\"");
    }

    @Test
    void backoffMultipliesTheIntervalOnEachRetry() {
        RecordingClock clock = new RecordingClock();
        AslEngine engine = AslEngine.builder().clock(clock).lambdaInvoker(failing("E", "E", "E", "E")).build();
        ExecutionResult r = run(engine, task("""
                "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":3,"MaxAttempts":4,"BackoffRate":1.5}]"""), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(clock.seconds()).containsExactly(3.0, 4.5, 6.75, 10.125);
    }

    @Test
    void defaultsAreOneSecondThreeAttemptsAndBackoffTwo() {
        RecordingClock clock = new RecordingClock();
        AslEngine engine = AslEngine.builder().clock(clock).lambdaInvoker(failing("E", "E", "E", "E")).build();
        ExecutionResult r = run(engine, task("\"Retry\":[{\"ErrorEquals\":[\"E\"]}]"), "{}");
        assertThat(clock.seconds()).containsExactly(1.0, 2.0, 4.0);
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("E");
    }

    @Test
    void maxDelaySecondsCapsTheInterval() {
        RecordingClock clock = new RecordingClock();
        AslEngine engine = AslEngine.builder().clock(clock).lambdaInvoker(failing("E", "E", "E", "E")).build();
        run(engine, task("""
                "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":3,"MaxAttempts":4,"BackoffRate":1.5,"MaxDelaySeconds":5}]"""),
                "{}");
        assertThat(clock.seconds()).containsExactly(3.0, 4.5, 5.0, 5.0);
    }

    @Test
    void fullJitterWaitsARandomTimeBetweenZeroAndTheComputedInterval() {
        RecordingClock clock = new RecordingClock();
        String[] errors = new String[40];
        java.util.Arrays.fill(errors, "E");
        AslEngine engine = AslEngine.builder().clock(clock).lambdaInvoker(failing(errors)).build();
        run(engine, task("""
                "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":10,"MaxAttempts":40,"BackoffRate":1.0,"JitterStrategy":"FULL"}]"""),
                "{}");
        assertThat(clock.seconds()).hasSize(40).allSatisfy(s -> assertThat(s).isBetween(0.0, 10.0));
        assertThat(clock.seconds().stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void maxAttemptsZeroNeverRetriesAndLaterRetriersDoNotTakeOver() {
        RecordingClock clock = new RecordingClock();
        AslEngine engine = AslEngine.builder().clock(clock).lambdaInvoker(failing("Special", "Other")).build();
        ExecutionResult r = run(engine, task("""
                "Retry":[{"ErrorEquals":["Special"],"MaxAttempts":0},{"ErrorEquals":["States.ALL"]}]"""), "{}");
        assertThat(clock.sleeps).isEmpty();
        assertThat(r.error()).isEqualTo("Special");
    }

    @Test
    void statesAllRetriesAnyOtherError() {
        RecordingClock clock = new RecordingClock();
        AslEngine engine = AslEngine.builder().clock(clock).lambdaInvoker(failing("Special", "Other")).build();
        ExecutionResult r = run(engine, task("""
                "Retry":[{"ErrorEquals":["Special"],"MaxAttempts":0},{"ErrorEquals":["States.ALL"]}]"""), "{}");
        assertThat(r.error()).isEqualTo("Special");
        AslEngine other = AslEngine.builder().clock(clock).lambdaInvoker(failing("Other", "Other")).build();
        assertThat(run(other, task("""
                "Retry":[{"ErrorEquals":["Special"],"MaxAttempts":0},{"ErrorEquals":["States.ALL"]}]"""), "{}").status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void retryCountIsInTheContextObject() {
        String def = """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","Parameters":{"attempt.$":"$$.State.RetryCount"},
                  "Retry":[{"ErrorEquals":["E"]}],"End":true}}}""".formatted(FN);
        assertThat(run(Asl.engine().lambdaInvoker(failing()).build(), def, "{}").output()).isEqualTo(json("{\"attempt\":0}"));
        assertThat(run(Asl.engine().lambdaInvoker(failing("E", "E")).build(), def, "{}").output())
                .isEqualTo(json("{\"attempt\":2}"));
    }

    @Test
    void aCatcherWithResultPathKeepsTheInputAndAddsTheErrorOutput() {
        AslEngine engine = Asl.engine().lambdaInvoker(failing("java.lang.Exception")).build();
        ExecutionResult r = run(engine, task("""
                "Catch":[{"ErrorEquals":["java.lang.Exception"],"ResultPath":"$.error-info","Next":"Z"},
                         {"ErrorEquals":["States.ALL"],"Next":"Y"}]"""), "{\"foo\":\"bar\"}");
        assertThat(r.output().get("foo").asText()).isEqualTo("bar");
        assertThat(r.output().at("/error-info/Error").asText()).isEqualTo("java.lang.Exception");
        assertThat(r.output().at("/error-info/Cause").asText()).isEqualTo("{\"errorMessage\":\"boom\",\"errorType\":\"java.lang.Exception\"}");
    }

    @Test
    void aCatcherWithoutResultPathReplacesTheInputWithTheErrorOutput() {
        AslEngine engine = Asl.engine().lambdaInvoker(failing("Other")).build();
        ExecutionResult r = run(engine, task("""
                "Catch":[{"ErrorEquals":["java.lang.Exception"],"ResultPath":"$.error-info","Next":"Y"},
                         {"ErrorEquals":["States.ALL"],"Next":"Z"}]"""), "{\"foo\":\"bar\"}");
        assertThat(r.output().get("Error").asText()).isEqualTo("Other");
        assertThat(r.output().has("foo")).isFalse();
    }

    @Test
    void retriersRunBeforeCatchers() {
        AtomicInteger calls = new AtomicInteger();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, p, ctx) -> {
            calls.incrementAndGet();
            throw new TaskFailedException("E", "always");
        }).build();
        ExecutionResult r = run(engine, task("""
                "Retry":[{"ErrorEquals":["E"],"MaxAttempts":2}],"Catch":[{"ErrorEquals":["E"],"Next":"Z"}]"""), "{}");
        assertThat(calls.get()).isEqualTo(3);
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void statesTaskFailedMatchesFunctionErrors() {
        AslEngine engine = Asl.engine().lambdaInvoker(failing("HandledError")).build();
        ExecutionResult r = run(engine, task("\"Catch\":[{\"ErrorEquals\":[\"States.TaskFailed\"],\"Next\":\"Z\"}]"), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get("Error").asText()).isEqualTo("HandledError");
    }

    @Test
    void aLambdaErrorSurfacesWithItsErrorTypeAsTheErrorName() {
        AslEngine engine = Asl.engine().lambdaInvoker(failing("ValidationFailedException")).build();
        Execution e = Asl.start(engine, task("\"Retry\":[]"), "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.error()).isEqualTo("ValidationFailedException");
        assertThat(e.history()).filteredOn(h -> h.type() == HistoryEventType.LambdaFunctionFailed).singleElement()
                .satisfies(h -> {
                    assertThat(h.details().get("error").asText()).isEqualTo("ValidationFailedException");
                    assertThat(h.details().get("cause").asText()).contains("boom");
                });
    }

    @Test
    void anInvokerThatThrowsAnUnexpectedExceptionFailsTheTaskWithTheExceptionName() {
        AslEngine engine = Asl.engine().lambdaInvoker((fn, p, ctx) -> {
            throw new IllegalStateException("broken");
        }).build();
        ExecutionResult r = run(engine, task("\"Retry\":[]"), "{}");
        assertThat(r.error()).isEqualTo("IllegalStateException");
        assertThat(r.cause()).isEqualTo("broken");
    }

    @Test
    void theCatchResultPathErrorOutputOfAFailStateCarriesErrorAndCause() {
        String def = """
                {"StartAt":"P","States":{
                  "P":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"MyError","Cause":"because"}}}],
                       "Catch":[{"ErrorEquals":["MyError"],"ResultPath":"$.e","Next":"Done"}],"End":true},
                  "Done":{"Type":"Pass","End":true}}}""";
        assertThat(Asl.output(def, "{\"in\":1}")).isEqualTo(json("{\"in\":1,\"e\":{\"Error\":\"MyError\",\"Cause\":\"because\"}}"));
    }

    @Test
    void retryDelaysComputeFromTheRetrierFields() {
        var retrier = new com.paysaga.asl.internal.model.Model.Retrier(List.of("E"), 2, 5, 3.0, 30,
                com.paysaga.asl.internal.model.Model.Jitter.NONE);
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(com.paysaga.asl.internal.run.InterpreterAccess.retryDelaySeconds(retrier, i));
        }
        assertThat(delays).containsExactly(2.0, 6.0, 18.0, 30.0, 30.0);
        assertThat(delays.get(0)).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void theTaskInputIsNotChangedByAnInvokerThatMutatesItsParameters() {
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("mutated", true);
            return json("\"r\"");
        }).build();
        ExecutionResult kept = run(engine, """
                {"StartAt":"X","States":{"X":{"Type":"Task","Resource":"%s","ResultPath":null,"End":true}}}""".formatted(FN),
                "{\"a\":1}");
        assertThat(kept.output()).isEqualTo(json("{\"a\":1}"));
    }

    @Test
    void aResultOverTheQuotaFailsWithDataLimitExceededWhichNoCatcherCatches() {
        String big = "x".repeat(300_000);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, p, ctx) -> json("\"" + big + "\"")).build();
        ExecutionResult r = run(engine, task("\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Z\"}]"), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).contains("'X'");
    }

    @Test
    void anExecutionInputOverTheQuotaIsRefused() {
        AslEngine engine = Asl.engine().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Asl.start(engine, Asl.pass(""),
                "\"" + "x".repeat(300_000) + "\"")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("InvalidExecutionInput");
    }
}
