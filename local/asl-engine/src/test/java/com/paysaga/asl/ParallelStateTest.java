package com.paysaga.asl;

import static com.paysaga.asl.Asl.json;
import static com.paysaga.asl.Asl.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.task.TaskFailedException;

/** Parallel (developer guide, "Parallel workflow state"). */
class ParallelStateTest {

    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private static String branch(String function) {
        return """
                {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"%s%s","End":true}}}""".formatted(FN, function);
    }

    @Test
    void branchesRunConcurrently() {
        int branches = 4;
        CountDownLatch allRunning = new CountDownLatch(branches);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            allRunning.countDown();
            // Returns only once every branch is inside its task at the same time.
            if (!allRunning.await(10, TimeUnit.SECONDS)) {
                throw new TaskFailedException("NotConcurrent", "branches did not overlap");
            }
            return json("\"" + fn.substring(fn.lastIndexOf(':') + 1) + "\"");
        }).build();
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[%s,%s,%s,%s]}}}"""
                .formatted(branch("a"), branch("b"), branch("c"), branch("d"));
        ExecutionResult r = run(engine, def, "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("[\"a\",\"b\",\"c\",\"d\"]"));
    }

    @Test
    void theOutputFollowsBranchOrderWhateverOrderTheyFinishIn() {
        CountDownLatch lastDone = new CountDownLatch(1);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            if (fn.endsWith("first")) {
                lastDone.await(10, TimeUnit.SECONDS);
            } else {
                lastDone.countDown();
            }
            return json("\"" + fn.substring(fn.lastIndexOf(':') + 1) + "\"");
        }).build();
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[%s,%s]}}}"""
                .formatted(branch("first"), branch("second"));
        for (int i = 0; i < 5; i++) {
            assertThat(run(engine, def, "{}").output()).isEqualTo(json("[\"first\",\"second\"]"));
        }
    }

    @Test
    void eachBranchGetsTheParallelStatesEffectiveInput() {
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","InputPath":"$.in","Parameters":{"v.$":"$.x"},
                  "ResultSelector":{"first.$":"$[0].v","second.$":"$[1]"},"ResultPath":"$.out","End":true,
                  "Branches":[{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                              {"StartAt":"B","States":{"B":{"Type":"Pass","Result":"static","End":true}}}]}}}""";
        assertThat(Asl.output(def, "{\"in\":{\"x\":7}}"))
                .isEqualTo(json("{\"in\":{\"x\":7},\"out\":{\"first\":7,\"second\":\"static\"}}"));
    }

    @Test
    void aFailingBranchFailsTheStateWithTheBranchErrorAndStopsTheOthers() throws Exception {
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch slowStarted = new CountDownLatch(1);
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            if (fn.endsWith("slow")) {
                ctx.onCancel(cancelled::countDown);
                slowStarted.countDown();
                new CountDownLatch(1).await();
            }
            slowStarted.await(10, TimeUnit.SECONDS);
            throw new TaskFailedException("BranchBroke", "the fast branch failed");
        }).build();
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[%s,%s]}}}"""
                .formatted(branch("slow"), branch("fast"));
        Execution e = Asl.start(engine, def, "{}");
        ExecutionResult r = Asl.finish(e);
        assertThat(r.error()).isEqualTo("BranchBroke");
        assertThat(r.cause()).isEqualTo("the fast branch failed");
        assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Asl.types(e)).containsSubsequence(HistoryEventType.ParallelStateEntered,
                HistoryEventType.ParallelStateStarted, HistoryEventType.ParallelStateFailed, HistoryEventType.ExecutionFailed);
    }

    @Test
    void aFailStateInABranchCanBeCaughtOnTheParallelState() {
        String def = """
                {"StartAt":"P","States":{
                  "P":{"Type":"Parallel","Next":"Done","ResultPath":"$.r",
                       "Branches":[{"StartAt":"ok","States":{"ok":{"Type":"Pass","End":true}}},
                                   {"StartAt":"bad","States":{"bad":{"Type":"Fail","Error":"Nope","Cause":"branch said no"}}}],
                       "Catch":[{"ErrorEquals":["Nope"],"ResultPath":"$.error","Next":"Recovered"}]},
                  "Done":{"Type":"Succeed"},
                  "Recovered":{"Type":"Pass","End":true}}}""";
        assertThat(Asl.output(def, "{\"a\":1}"))
                .isEqualTo(json("{\"a\":1,\"error\":{\"Error\":\"Nope\",\"Cause\":\"branch said no\"}}"));
    }

    @Test
    void retryRunsEveryBranchAgain() {
        AtomicInteger calls = new AtomicInteger();
        AslEngine engine = Asl.engine().lambdaInvoker((fn, payload, ctx) -> {
            int n = calls.incrementAndGet();
            if (fn.endsWith("flaky") && n <= 2) {
                throw new TaskFailedException("Transient", "try again");
            }
            return json("1");
        }).build();
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[%s],
                  "Retry":[{"ErrorEquals":["Transient"],"MaxAttempts":3}]}}}""".formatted(branch("flaky"));
        ExecutionResult r = run(engine, def, "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void branchEventsChainBackToTheParallelStart() {
        String def = """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]}}}""";
        Execution e = Asl.start(Asl.engine().build(), def, "{}");
        Asl.finish(e);
        long startedId = e.history().stream().filter(h -> h.type() == HistoryEventType.ParallelStateStarted)
                .findFirst().orElseThrow().id();
        assertThat(e.history()).filteredOn(h -> h.type() == HistoryEventType.PassStateEntered)
                .hasSize(2).allSatisfy(h -> assertThat(h.previousEventId()).isEqualTo(startedId));
        assertThat(Asl.types(e).getLast()).isEqualTo(HistoryEventType.ExecutionSucceeded);
    }

    @Test
    void aRuntimeErrorInABranchCannotBeCaught() {
        String def = """
                {"StartAt":"P","States":{
                  "P":{"Type":"Parallel","End":true,
                       "Branches":[{"StartAt":"bad","States":{"bad":{"Type":"Pass","InputPath":"$.missing","End":true}}}],
                       "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}]},
                  "Caught":{"Type":"Succeed"}}}""";
        ExecutionResult r = run(def, "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("'bad'");
    }
}
