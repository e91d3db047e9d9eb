package com.paysaga.functions.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.paysaga.saga.Stage;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.replay.BulkReplayFilter;
import com.paysaga.saga.replay.BulkReplayResult;
import com.paysaga.saga.replay.ExecutionControl;
import com.paysaga.saga.replay.ExecutionNameTakenException;
import com.paysaga.saga.replay.InvalidReplayRequestException;
import com.paysaga.saga.replay.JobControl;
import com.paysaga.saga.replay.PrerequisiteMissingException;
import com.paysaga.saga.replay.RateLimiter;
import com.paysaga.saga.replay.ReplayPrerequisites;
import com.paysaga.saga.replay.ReplayRequest;
import com.paysaga.saga.replay.ReplayService;
import com.paysaga.saga.replay.ReplayStarted;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.Buckets;
import com.paysaga.saga.store.LeaseHeldException;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.TestStacks;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Replay rules (DESIGN.md §4) with the run store in the emulator and Step Functions / Batch faked. */
class ReplayServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Duration TTL = Duration.ofHours(120);
    private static ProvisionedStack stack;
    private static DynamoDbClient dynamo;
    private static S3Client s3;

    private final MutableClock clock = new MutableClock(T0);
    private final FakeExecutions executions = new FakeExecutions();
    private final List<String> terminatedFor = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private RunStore runs;
    private ReplayService replays;

    @BeforeAll
    static void stack() {
        stack = TestStacks.provision("replay-rules");
        dynamo = AwsEmulator.endpoint().clients().dynamoDb();
        s3 = AwsEmulator.endpoint().clients().s3();
    }

    private ReplayService service() {
        if (replays == null) {
            runs = new RunStore(dynamo, stack.ref("RunsTable"), clock);
            Buckets buckets = new Buckets(stack.ref("InboundBucket"), stack.ref("WorkBucket"), stack.ref("StagingBucket"),
                    stack.ref("ArchiveBucket"), stack.ref("ConfigBucket"));
            JobControl jobs = (execution, reason) -> {
                terminatedFor.add(execution);
                return List.of("job-of-" + execution);
            };
            RateLimiter limiter = new RateLimiter(2, clock, d -> {
                sleeps.add(d);
                clock.advance(d);
            });
            replays = new ReplayService(runs, new ReplayPrerequisites(runs, s3, buckets), executions, jobs, TTL, limiter,
                    clock);
        }
        return replays;
    }

    /** A run whose Route and Decrypt succeeded and whose plaintext exists: replayable from Transform. */
    private String decryptedRun(String name, String partner) {
        service();
        String id = sha256(name);
        String key = "inbound/" + partner + "/" + name + ".ach";
        s3.putObject(b -> b.bucket(stack.ref("InboundBucket")).key(key), RequestBody.fromString("x"));
        runs.createRun(new NewRun(id, partner, stack.ref("InboundBucket"), key, null, 1, id, T0, "first"));
        runs.stageStarted(id, Stage.Route, "first");
        runs.recordRoute(id, Map.of("jobQueue", "q", "chunkSize", 1000), "NACHA", partner + "-profile");
        runs.stageSucceeded(id, Stage.Route, "first", Map.of(), Map.of());
        runs.stageSucceeded(id, Stage.Decrypt, "first", Map.of(), Map.of());
        s3.putObject(b -> b.bucket(stack.ref("WorkBucket")).key(ObjectLayout.plaintextKey(id)), RequestBody.fromString("p"));
        return id;
    }

    @Test
    void aReplayStartsUnderADeterministicNameHoldsTheLeaseAndIsRecorded() {
        String id = decryptedRun("deterministic", "acme");
        ReplayStarted started = service().replay(new ReplayRequest(id, "transform", false, "key rotated", "ops"));
        assertThat(started.executionName()).isEqualTo(id.substring(0, 16) + "-replay-transform-1");
        assertThat(executions.started).containsEntry(started.executionName(),
                "{\"replay\":{\"fileId\":\"" + id + "\",\"fromStage\":\"Transform\",\"onlyFailedChunks\":false,"
                        + "\"reason\":\"key rotated\",\"startedBy\":\"ops\"}}");
        assertThat(runs.getRun(id).lease().get().holder()).isEqualTo(started.executionName());
        assertThat(runs.findExecution(id, started.executionName()).get().fromStage()).isEqualTo(Stage.Transform);
        assertThat(started.tookOverFrom()).isNull();
    }

    @Test
    void aSecondReplayIsRefusedWhileTheFirstIsRunning() {
        String id = decryptedRun("refused", "acme");
        ReplayStarted first = service().replay(new ReplayRequest(id, "Transform", false, "one", "ops"));
        executions.running.add(first.executionName());
        assertThatThrownBy(() -> service().replay(new ReplayRequest(id, "Transform", false, "two", "ops")))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("refused: execution " + first.executionName())
                .hasMessageContaining("is still running");
        assertThat(terminatedFor).isEmpty();
    }

    @Test
    void aSecondRequestThatRacedTheFirstToTheSameAttemptIsRefusedClearly() {
        String id = decryptedRun("raced", "acme");
        String name = id.substring(0, 16) + "-replay-transform-1";
        // The other request started this attempt a moment ago and has not recorded it yet.
        executions.started.put(name, "{\"replay\":{\"fileId\":\"" + id + "\",\"reason\":\"other operator\"}}");
        assertThatThrownBy(() -> service().replay(new ReplayRequest(id, "Transform", false, "mine", "ops")))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("replay of file " + id + " from Transform refused")
                .hasMessageContaining("started a moment ago by another request");
    }

    @Test
    void aStaleLeaseIsTakenOverAfterItsHolderIsStoppedAndItsJobsTerminated() {
        String id = decryptedRun("stale", "acme");
        ReplayStarted first = service().replay(new ReplayRequest(id, "Transform", false, "one", "ops"));
        executions.running.add(first.executionName());
        clock.advance(TTL.plusSeconds(1));
        ReplayStarted second = service().replay(new ReplayRequest(id, "Transform", false, "two", "ops"));
        assertThat(second.executionName()).endsWith("-replay-transform-2");
        assertThat(second.tookOverFrom()).isEqualTo(first.executionName());
        assertThat(executions.stopped).containsExactly(first.executionName());
        assertThat(terminatedFor).containsExactly(first.executionName());
        assertThat(second.terminatedJobs()).containsExactly("job-of-" + first.executionName());
        assertThat(runs.findExecution(id, first.executionName()).get().outcome()).isEqualTo("ABANDONED");
    }

    @Test
    void theLeaseOfAnExecutionThatIsNoLongerRunningIsTakenOverAtOnce() {
        String id = decryptedRun("aborted", "acme");
        ReplayStarted first = service().replay(new ReplayRequest(id, "Transform", false, "one", "ops"));
        // Not in executions.running: it timed out or was aborted without releasing its lease.
        ReplayStarted second = service().replay(new ReplayRequest(id, "Transform", false, "two", "ops"));
        assertThat(second.tookOverFrom()).isEqualTo(first.executionName());
    }

    @Test
    void aReplayWhosePrerequisiteIsMissingLeavesTheRunUntouched() {
        String id = decryptedRun("prereq", "acme");
        assertThatThrownBy(() -> service().replay(new ReplayRequest(id, "Load", false, "x", "ops")))
                .isInstanceOf(PrerequisiteMissingException.class)
                .hasMessageContaining("stage Transform has never run")
                .hasMessageContaining("replay from Transform or earlier");
        assertThat(runs.getRun(id).lease()).isEmpty();
        assertThat(executions.started).isEmpty();
    }

    @Test
    void everyProblemOfAnInvalidRequestIsNamedAtOnce() {
        assertThatThrownBy(() -> service().replay(new ReplayRequest("abc", "Parse", true, null, null)))
                .isInstanceOf(InvalidReplayRequestException.class)
                .hasMessageContaining("fileId must be the 64 lowercase hex digits")
                .hasMessageContaining("unknown stage 'Parse'");
        assertThatThrownBy(() -> service().replay(new ReplayRequest("a".repeat(64), "Transform", true, null, null)))
                .hasMessageContaining("onlyFailedChunks applies to a replay from Load only");
    }

    @Test
    void aBulkReplayRestartsTheFilteredFailedRunsAtTheRateLimit() {
        String a = decryptedRun("bulk-a", "bulkco");
        String b = decryptedRun("bulk-b", "bulkco");
        String other = decryptedRun("bulk-c", "otherco");
        for (String id : List.of(a, b, other)) {
            runs.stageFailed(id, Stage.Transform, "first", "States.TaskFailed", "exit 75", RunStatus.FAILED);
        }
        BulkReplayResult result = service().replayAll(new BulkReplayFilter("FAILED", "Transform", "bulkco", null),
                null, "vault outage", "ops", 10);
        assertThat(result.matched()).isEqualTo(2);
        assertThat(result.started()).isEqualTo(2);
        assertThat(result.files()).extracting(BulkReplayResult.Entry::fileId).containsExactlyInAnyOrder(a, b);
        assertThat(executions.started.keySet()).allMatch(n -> n.contains("-replay-transform-"));
        // Two starts at 2 per second: the second waited half a second after the first.
        assertThat(sleeps).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void aBulkReplayReportsTheFilesItCouldNotStartAndGoesOn() {
        String a = decryptedRun("bulk-held", "heldco");
        String b = decryptedRun("bulk-free", "heldco");
        for (String id : List.of(a, b)) {
            runs.stageFailed(id, Stage.Transform, "first", "E", "c", RunStatus.FAILED);
        }
        runs.acquireLease(a, "someone-running", TTL);
        executions.running.add("someone-running");
        BulkReplayResult result = service().replayAll(new BulkReplayFilter(null, "Transform", "heldco", null),
                "Transform", "retry", "ops", null);
        assertThat(result.started()).isEqualTo(1);
        assertThat(result.refused()).isEqualTo(1);
        assertThat(result.files()).filteredOn(e -> e.fileId().equals(a)).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("someone-running"));
    }

    @Test
    void aBulkFilterWithAnUnknownStatusIsInvalid() {
        assertThatThrownBy(() -> service().replayAll(new BulkReplayFilter("BROKEN", null, null, null), null, null, null, null))
                .isInstanceOf(InvalidReplayRequestException.class).hasMessageContaining("BROKEN");
    }

    static final class FakeExecutions implements ExecutionControl {
        final Map<String, String> started = new LinkedHashMap<>();
        final Set<String> running = new HashSet<>();
        final List<String> stopped = new ArrayList<>();

        /** StartExecution's rule: the same name again is idempotent with the same input only. */
        @Override
        public String start(String name, String input) {
            String before = started.putIfAbsent(name, input);
            if (before != null && !before.equals(input)) {
                throw new ExecutionNameTakenException(name, null);
            }
            return "arn:aws:states:us-east-1:123456789012:execution:ingest:" + name;
        }

        @Override
        public boolean isRunning(String name) {
            return running.contains(name);
        }

        @Override
        public void stop(String name, String cause) {
            stopped.add(name);
            running.remove(name);
        }
    }

    /** A realistic file id: the SHA-256 of something, as Validate derives it from content. */
    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
