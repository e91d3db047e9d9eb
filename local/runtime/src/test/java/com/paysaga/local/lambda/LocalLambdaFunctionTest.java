package com.paysaga.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Runtime API and process pool, driven by a minimal custom runtime (a Python bootstrap). */
class LocalLambdaFunctionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path logs;

    private LocalLambdaFunction function;

    private LocalLambdaFunction start(Duration timeout, int concurrency) throws Exception {
        Path script = Path.of(getClass().getResource("/lambda/fake_runtime.py").toURI());
        function = new LocalLambdaFunction(new FunctionSpec("paysaga-validate",
                "arn:aws:lambda:us-east-1:123456789012:function:paysaga-validate",
                List.of("python3", "-u", script.toString()), script.getParent(),
                Map.of("RUNS_TABLE", "paysaga-runs", "PATH", System.getenv("PATH")), 256, timeout, concurrency,
                logs.resolve("validate.log")));
        return function;
    }

    @AfterEach
    void stop() {
        if (function != null) {
            function.close();
        }
    }

    private static JsonNode payload(InvocationResult r) throws Exception {
        assertThat(r).isInstanceOf(InvocationResult.Success.class);
        return JSON.readTree(((InvocationResult.Success) r).payload());
    }

    private static byte[] event(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anInvocationReachesTheProcessWithTheFunctionsEnvironmentAndAFutureDeadline() throws Exception {
        JsonNode out = payload(start(Duration.ofSeconds(10), 1).invoke(event("{\"echo\":\"hi\"}")));
        assertThat(out.get("echo").asText()).isEqualTo("hi");
        assertThat(out.get("fn").asText()).isEqualTo("paysaga-validate");
        assertThat(out.get("table").asText()).isEqualTo("paysaga-runs");
        assertThat(out.get("deadlineInFuture").asBoolean()).isTrue();
    }

    @Test
    void sequentialInvocationsReuseOneWarmProcess() throws Exception {
        LocalLambdaFunction fn = start(Duration.ofSeconds(10), 4);
        long pid1 = payload(fn.invoke(event("{\"echo\":1}"))).get("pid").asLong();
        long pid2 = payload(fn.invoke(event("{\"echo\":2}"))).get("pid").asLong();
        assertThat(pid2).isEqualTo(pid1);
        assertThat(fn.processesStarted()).isEqualTo(1);
    }

    @Test
    void concurrentInvocationsStartMoreProcessesUpToTheLimit() throws Exception {
        LocalLambdaFunction fn = start(Duration.ofSeconds(20), 3);
        List<Future<InvocationResult>> futures = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                futures.add(pool.submit((Callable<InvocationResult>) () -> fn.invoke(event("{\"sleep\":0.5}"))));
            }
            List<Long> pids = new ArrayList<>();
            for (Future<InvocationResult> f : futures) {
                pids.add(payload(f.get()).get("pid").asLong());
            }
            assertThat(pids.stream().distinct().count()).isBetween(2L, 3L);
        }
        assertThat(fn.processesStarted()).isLessThanOrEqualTo(3);
    }

    @Test
    void processesStartOneAtATimeSoTheyNeverShareTheRuntimesStartWindow() throws Exception {
        LocalLambdaFunction fn = start(Duration.ofSeconds(20), 3);
        List<JsonNode> answers = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<InvocationResult>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(pool.submit((Callable<InvocationResult>) () -> fn.invoke(event("{\"sleep\":1.5}"))));
            }
            for (Future<InvocationResult> f : futures) {
                answers.add(payload(f.get()));
            }
        }
        List<JsonNode> byStart = answers.stream().sorted(java.util.Comparator.comparingDouble(a -> a.get("began").asDouble())).toList();
        assertThat(byStart.stream().map(a -> a.get("pid").asLong()).distinct().count()).isEqualTo(3);
        for (int i = 1; i < byStart.size(); i++) {
            assertThat(byStart.get(i).get("began").asDouble()).as("process %d began after process %d asked for work", i + 1, i)
                    .isGreaterThanOrEqualTo(byStart.get(i - 1).get("firstNext").asDouble());
        }
    }

    @Test
    void aFunctionErrorSurfacesWithItsErrorType() throws Exception {
        InvocationResult r = start(Duration.ofSeconds(10), 1).invoke(event("{\"fail\":\"ValidationFailedException\"}"));
        assertThat(r).isInstanceOfSatisfying(InvocationResult.FunctionError.class, e -> {
            assertThat(e.errorType()).isEqualTo("ValidationFailedException");
            assertThat(e.errorMessage()).isEqualTo("file abc: record 3 is bad");
        });
    }

    @Test
    void anInvocationOverItsTimeoutKillsTheProcessAndIsReportedAsATimeout() throws Exception {
        LocalLambdaFunction fn = start(Duration.ofSeconds(1), 1);
        long firstPid = payload(fn.invoke(event("{\"echo\":0}"))).get("pid").asLong();
        InvocationResult r = fn.invoke(event("{\"sleep\":30}"));
        assertThat(r).isInstanceOfSatisfying(InvocationResult.Unhandled.class,
                u -> assertThat(u.message()).contains("Task timed out after 1.00 seconds"));
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(payload(fn.invoke(event("{\"echo\":1}"))).get("pid").asLong()).isNotEqualTo(firstPid);
    }

    @Test
    void aProcessThatDiesMidInvocationIsReportedAndReplaced() throws Exception {
        LocalLambdaFunction fn = start(Duration.ofSeconds(10), 1);
        InvocationResult r = fn.invoke(event("{\"crash\":3}"));
        assertThat(r).isInstanceOfSatisfying(InvocationResult.Unhandled.class,
                u -> assertThat(u.message()).contains("Runtime exited with error: exit status 3"));
        assertThat(payload(fn.invoke(event("{\"echo\":1}"))).get("echo").asInt()).isEqualTo(1);
        assertThat(fn.processesStarted()).isEqualTo(2);
    }
}
