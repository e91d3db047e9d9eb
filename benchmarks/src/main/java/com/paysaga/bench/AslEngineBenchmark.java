package com.paysaga.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.asl.AslEngine;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.ExecutionStatus;
import com.paysaga.asl.StateMachine;

/**
 * The ASL engine's own cost per state transition (issue 6 target: under 50 µs for Pass/Choice
 * chains), including everything a transition does: path evaluation, payload templates,
 * intrinsics, Choice rules, context object, and the two history events per state with their
 * input/output JSON. Each operation is one state transition; every invocation runs a whole
 * execution (its start and end are amortised over the transitions):
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar AslEngine -f 1 -wi 3 -i 5</pre>
 *
 * {@code passChain}: 100 Pass states, each with Parameters ({@code .$} paths and an intrinsic)
 * and a ResultPath. {@code choiceLoop}: a counter loop of Choice (numeric comparison with And/Not)
 * and Pass ({@code States.MathAdd}) states, 200 transitions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class AslEngineBenchmark {

    static final int CHAIN = 100;
    static final int LOOPS = 100;

    private AslEngine engine;
    private StateMachine passChain;
    private StateMachine choiceLoop;
    private JsonNode input;

    @Setup
    public void setUp() throws Exception {
        engine = AslEngine.builder().skipWaits().build();
        StringBuilder states = new StringBuilder();
        for (int i = 0; i < CHAIN; i++) {
            states.append(i == 0 ? "" : ",").append("""
                    "S%d":{"Type":"Pass","Parameters":{"id.$":"$.id","step":%d,"label.$":"States.Format('{}-{}', $.id, $$.State.Name)"},
                      "ResultPath":"$.last",%s}""".formatted(i, i, i == CHAIN - 1 ? "\"End\":true" : "\"Next\":\"S" + (i + 1) + "\""));
        }
        passChain = engine.load("PassChain", "{\"StartAt\":\"S0\",\"States\":{" + states + "}}");
        choiceLoop = engine.load("ChoiceLoop", """
                {"StartAt":"Check","States":{
                  "Check":{"Type":"Choice","Choices":[
                     {"And":[{"Variable":"$.i","IsNumeric":true},{"Not":{"Variable":"$.i","NumericLessThan":%d}}],"Next":"Done"}],
                   "Default":"Inc"},
                  "Inc":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)","id.$":"$.id"},"Next":"Check"},
                  "Done":{"Type":"Succeed"}}}""".formatted(LOOPS));
        input = new ObjectMapper().readTree("{\"id\":\"file-0001\",\"i\":0,\"payload\":{\"partner\":\"acme\",\"size\":1024}}");
    }

    private ExecutionResult runToEnd(StateMachine sm) throws InterruptedException {
        ExecutionResult r = engine.start(sm, input).await();
        if (r.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("benchmark execution failed: " + r);
        }
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public ExecutionResult passChain() throws InterruptedException {
        return runToEnd(passChain);
    }

    /** LOOPS × (Choice + Pass) + the last Choice and the Succeed. */
    @Benchmark
    @OperationsPerInvocation(2 * LOOPS + 2)
    public ExecutionResult choiceLoop() throws InterruptedException {
        return runToEnd(choiceLoop);
    }
}
