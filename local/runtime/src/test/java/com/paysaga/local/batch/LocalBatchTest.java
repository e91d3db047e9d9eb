package com.paysaga.local.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.paysaga.local.batch.JobDefinition.ExitRule;
import com.paysaga.local.batch.JobDefinition.ExitRule.Action;

class LocalBatchTest {

    @TempDir
    Path logs;

    /** The retry strategy of docs/contracts.md: 75 is transient (RETRY), 10 and 2 are final (EXIT). */
    private static final List<ExitRule> RULES = List.of(
            new ExitRule(Optional.of("75"), Optional.empty(), Optional.empty(), Action.RETRY),
            new ExitRule(Optional.of("10"), Optional.empty(), Optional.empty(), Action.EXIT),
            new ExitRule(Optional.of("2"), Optional.empty(), Optional.empty(), Action.EXIT));

    private LocalBatch batch() throws Exception {
        Path script = Path.of(getClass().getResource("/fake_job.sh").toURI());
        return new LocalBatch(new LocalBatch.Image(List.of("bash", script.toString()), logs,
                Map.of("PATH", System.getenv("PATH")), logs), "us-east-1", "123456789012");
    }

    private static JobDefinition definition(int attempts, Optional<Duration> timeout) {
        return new JobDefinition("arn:aws:batch:us-east-1:123456789012:job-definition/paysaga-job:1", "paysaga-job",
                List.of("env", "STAGE"), Map.of("STAGE", "from-definition"), 512, attempts, RULES, timeout);
    }

    private static LocalBatch.Submission submission(JobDefinition def, List<String> command, Map<String, String> env) {
        return new LocalBatch.Submission("transform-abc", "arn:aws:batch:us-east-1:123456789012:job-queue/std", def,
                Optional.ofNullable(command), env, Optional.empty());
    }

    @Test
    void containerOverridesReplaceTheDefinitionsCommandAndEnvironment() throws Exception {
        var result = batch().run(submission(definition(1, Optional.empty()), List.of("env", "STAGE"),
                Map.of("STAGE", "overridden")), j -> { });
        assertThat(result.succeeded()).isTrue();
        assertThat(result.job().get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(result.job().at("/Container/ExitCode").asInt()).isZero();
        String log = Files.readString(logs.resolve(result.job().at("/Attempts/0/Container/LogStreamName").asText()));
        assertThat(log).contains("STAGE=overridden");
    }

    @Test
    void aTransientExitCodeIsRetriedUntilItSucceeds() throws Exception {
        var result = batch().run(submission(definition(3, Optional.empty()), List.of("exit-on-attempt", "75", "75", "0"),
                Map.of()), j -> { });
        assertThat(result.succeeded()).isTrue();
        assertThat(result.job().get("Attempts")).hasSize(3);
    }

    @Test
    void aRejectedInputExitsWithoutRetry() throws Exception {
        var result = batch().run(submission(definition(3, Optional.empty()), List.of("exit-on-attempt", "10", "0", "0"),
                Map.of()), j -> { });
        assertThat(result.succeeded()).isFalse();
        assertThat(result.job().get("Status").asText()).isEqualTo("FAILED");
        assertThat(result.job().get("Attempts")).hasSize(1);
        assertThat(result.job().at("/Container/ExitCode").asInt()).isEqualTo(10);
    }

    @Test
    void anUnmatchedExitCodeIsRetriedWhileAttemptsRemainAsAwsBatchDoes() throws Exception {
        var result = batch().run(submission(definition(2, Optional.empty()), List.of("exit-on-attempt", "1", "1"),
                Map.of()), j -> { });
        assertThat(result.succeeded()).isFalse();
        assertThat(result.job().get("Attempts")).hasSize(2);
    }

    @Test
    void anAttemptOverItsTimeoutIsKilled() throws Exception {
        var result = batch().run(submission(definition(1, Optional.of(Duration.ofMillis(500))), List.of("sleep", "30"),
                Map.of()), j -> { });
        assertThat(result.succeeded()).isFalse();
        assertThat(result.job().get("StatusReason").asText()).isEqualTo("Job attempt duration exceeded timeout");
    }

    @Test
    void terminateJobStopsARunningJobWithoutRetry() throws Exception {
        LocalBatch batch = batch();
        String[] jobId = new String[1];
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<LocalBatch.JobResult> f = pool.submit(() -> batch.run(
                    submission(definition(3, Optional.empty()), List.of("sleep", "30"), Map.of()),
                    j -> jobId[0] = j.get("JobId").asText()));
            while (batch.runningJobIds().isEmpty()) {
                Thread.onSpinWait();
            }
            assertThat(batch.terminate(jobId[0], "stale lease taken over")).isTrue();
            var result = f.get();
            assertThat(result.succeeded()).isFalse();
            assertThat(result.job().get("StatusReason").asText()).isEqualTo("stale lease taken over");
            assertThat(result.job().get("Attempts")).hasSize(1);
        }
    }

    @Test
    void anAbortedSyncTaskKillsItsJobsProcess() throws Exception {
        LocalBatch batch = batch();
        String[] jobId = new String[1];
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                batch.run(submission(definition(1, Optional.empty()), List.of("sleep", "30"), Map.of()),
                        j -> jobId[0] = j.get("JobId").asText());
            } catch (InterruptedException expected) {
                // What the engine's interrupt of an aborted task looks like from here.
            }
        });
        while (batch.runningJobIds().isEmpty()) {
            Thread.onSpinWait();
        }
        ProcessHandle process = batch.processOf(jobId[0]).orElseThrow();
        runner.interrupt();
        runner.join(Duration.ofSeconds(10));
        assertThat(process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
    }
}
