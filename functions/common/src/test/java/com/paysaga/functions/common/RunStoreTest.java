package com.paysaga.functions.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.paysaga.saga.Stage;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.store.ExecutionRecord;
import com.paysaga.saga.store.LeaseGrant;
import com.paysaga.saga.store.LeaseHeldException;
import com.paysaga.saga.store.LeaseLostException;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunNotFoundException;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageRecord;
import com.paysaga.saga.store.StageStatus;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.TestStacks;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The runs table items of docs/contracts.md against the emulator. */
class RunStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-02T15:00:00Z");
    private static final Duration TTL = Duration.ofHours(1);
    private static DynamoDbClient dynamo;
    private static String table;
    private final MutableClock clock = new MutableClock(T0);
    private RunStore runs;

    @BeforeAll
    static void stack() {
        ProvisionedStack stack = TestStacks.provision("runstore");
        dynamo = AwsEmulator.endpoint().clients().dynamoDb();
        table = stack.ref("RunsTable");
    }

    private RunStore store() {
        if (runs == null) {
            runs = new RunStore(dynamo, table, clock);
        }
        return runs;
    }

    private static String fileId(String name) {
        return sha256(name);
    }

    private RunRecord created(String name) {
        String id = fileId(name);
        return store().createRun(new NewRun(id, "acme", "inbound-bucket", "inbound/acme/" + name, "v1", 42, id, T0,
                "exec-1")).run();
    }

    @Test
    void createRunTellsTheFirstUploadFromASecondOfTheSameContent() {
        String id = fileId("create");
        NewRun first = new NewRun(id, "acme", "b", "inbound/acme/a.ach", "v1", 42, id, T0, "exec-1");
        RunStore.Creation one = store().createRun(first);
        RunStore.Creation two = store().createRun(new NewRun(id, "acme", "b", "inbound/acme/b.ach", "v7", 42, id,
                T0.plusSeconds(60), "exec-2"));
        assertThat(one.created()).isTrue();
        assertThat(two.created()).isFalse();
        assertThat(two.run().key()).isEqualTo("inbound/acme/a.ach");
        assertThat(two.run().runStatus()).isEqualTo(RunStatus.RECEIVED);
        assertThat(two.run().receivedAt()).isEqualTo(T0);
        assertThat(first.sameObjectAs(two.run())).isTrue();
    }

    @Test
    void aLeaseIsGrantedRenewedByItsHolderRefusedToOthersAndTakenOverOnceStale() {
        String id = created("lease").fileId();
        LeaseGrant a = store().acquireLease(id, "exec-a", TTL);
        assertThat(a.tookOver()).isFalse();
        assertThat(store().getRun(id).lease()).contains(a.lease());

        clock.advance(Duration.ofMinutes(30));
        assertThat(store().acquireLease(id, "exec-a", TTL).lease().expiresAt()).isEqualTo(clock.instant().plus(TTL));
        assertThatThrownBy(() -> store().acquireLease(id, "exec-b", TTL))
                .isInstanceOf(LeaseHeldException.class)
                .hasMessageContaining("being processed by execution exec-a");

        clock.advance(TTL);
        LeaseGrant b = store().acquireLease(id, "exec-b", TTL);
        assertThat(b.tookOver()).isTrue();
        assertThat(b.takenOverFrom().get().holder()).isEqualTo("exec-a");
        assertThat(store().getRun(id).lease().get().holder()).isEqualTo("exec-b");
    }

    @Test
    void aLiveLeaseOfAnAbandonedHolderIsTakenOver() {
        String id = created("abandoned").fileId();
        store().acquireLease(id, "exec-a", TTL);
        LeaseGrant b = store().acquireLease(id, "exec-b", TTL, lease -> lease.holder().equals("exec-a"));
        assertThat(b.takenOverFrom()).map(l -> l.holder()).contains("exec-a");
    }

    @Test
    void onlyTheHolderReleasesTheLease() {
        String id = created("release").fileId();
        store().acquireLease(id, "exec-a", TTL);
        assertThat(store().releaseLease(id, "exec-b")).isFalse();
        assertThat(store().getRun(id).lease()).isPresent();
        assertThat(store().releaseLease(id, "exec-a")).isTrue();
        assertThat(store().getRun(id).lease()).isEmpty();
    }

    @Test
    void aStageRecordMergesTheArtifactsOfBothWritersAndKeepsTheStartTime() {
        String id = created("merge").fileId();
        store().stageStarted(id, Stage.Transform, "exec-1");
        clock.advance(Duration.ofSeconds(90));
        // The Batch command records its artifacts first, the checkpoint Lambda its own afterwards.
        store().stageSucceeded(id, Stage.Transform, "exec-1", Map.of("validationReport", "s3://s/report.json"),
                Map.of("issues", 0L));
        store().stageSucceeded(id, Stage.Transform, "exec-1", Map.of("manifest", "s3://s/manifest.json"),
                Map.of("transactions", 2500L));
        StageRecord r = store().findStage(id, Stage.Transform).orElseThrow();
        assertThat(r.status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(r.artifacts()).containsOnlyKeys("validationReport", "manifest");
        assertThat(r.counts()).containsEntry("issues", 0L).containsEntry("transactions", 2500L);
        assertThat(r.startedAt()).isEqualTo(T0);
        assertThat(r.durationMs()).isEqualTo(90_000L);
        assertThat(r.attempt()).isEqualTo(1);
        assertThat(store().getRun(id).currentStage()).isEqualTo("Transform");
    }

    @Test
    void aNewAttemptCountsUpAndClearsThePreviousError() {
        String id = created("attempts").fileId();
        store().stageStarted(id, Stage.Decrypt, "exec-1");
        store().stageFailed(id, Stage.Decrypt, "exec-1", "States.TaskFailed", "exit code 75", RunStatus.FAILED);
        RunRecord failed = store().getRun(id);
        assertThat(failed.runStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.lastError().error()).isEqualTo("States.TaskFailed");
        assertThat(failed.stageUpdatedAt()).startsWith("Decrypt#2026-03-02T15:00:00.000Z");

        store().stageStarted(id, Stage.Decrypt, "exec-2");
        StageRecord again = store().findStage(id, Stage.Decrypt).orElseThrow();
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(StageStatus.RUNNING);
        assertThat(again.error()).isNull();
        assertThat(again.execution()).isEqualTo("exec-2");
        assertThat(store().getRun(id).runStatus()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void chunkCheckpointsAndExecutionsAreKeptPerFile() {
        String id = created("chunks").fileId();
        store().chunkStarted(id, 1, "exec-1");
        store().chunkSucceeded(id, 1, 1000, "exec-1");
        store().chunkStarted(id, 2, "exec-1");
        store().chunkFailed(id, 2, "exec-1", "UnprocessedItemsException: throttled");
        assertThat(store().chunks(id)).hasSize(2);
        assertThat(store().chunks(id).get(1).status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(store().chunks(id).get(1).transactions()).isEqualTo(1000);
        assertThat(store().chunks(id).get(2).error()).contains("throttled");

        store().recordExecutionStarted(ExecutionRecord.started(id, "exec-1", "eventbridge", Stage.Validate, null,
                false, T0));
        store().recordExecutionStarted(ExecutionRecord.started(id, "exec-1", "someone-else", Stage.Load, null,
                false, T0.plusSeconds(5)));
        clock.advance(Duration.ofSeconds(3));
        store().recordExecutionEnded(id, "exec-1", "FAILED", "boom");
        ExecutionRecord e = store().findExecution(id, "exec-1").orElseThrow();
        assertThat(e.startedBy()).isEqualTo("eventbridge");
        assertThat(e.outcome()).isEqualTo("FAILED");
        assertThat(e.durationMs()).isEqualTo(3000L);
    }

    @Test
    void failedRunsAreListedByStageAndTime() {
        String a = created("failed-a").fileId();
        String b = created("failed-b").fileId();
        String c = created("failed-c").fileId();
        store().stageFailed(a, Stage.Transform, "x", "E", "c", RunStatus.FAILED);
        clock.advance(Duration.ofHours(2));
        store().stageFailed(b, Stage.Transform, "x", "E", "c", RunStatus.FAILED);
        store().stageFailed(c, Stage.Load, "x", "E", "c", RunStatus.FAILED);
        assertThat(store().runsByStatus(RunStatus.FAILED, Optional.of(Stage.Transform), Optional.empty(), 100))
                .extracting(RunRecord::fileId).contains(a, b).doesNotContain(c);
        assertThat(store().runsByStatus(RunStatus.FAILED, Optional.of(Stage.Transform), Optional.of(T0.plusSeconds(3600)), 100))
                .extracting(RunRecord::fileId).contains(b).doesNotContain(a, c);
    }

    @Test
    void aCheckpointForAnUnknownFileIsAnErrorNotANewRun() {
        String id = fileId("never-validated");
        assertThatThrownBy(() -> store().stageStarted(id, Stage.Route, "exec"))
                .isInstanceOf(RunNotFoundException.class).hasMessageContaining(id);
        assertThat(store().findRun(id)).isEmpty();
        assertThat(store().stages(id)).isEmpty();
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

    @Test
    void aWriterActingForAnExecutionStopsOnceItsLeaseIsGone() {
        RunRecord run = created("lease-guard");
        String id = run.fileId();
        store().acquireLease(id, "exec-1", TTL);
        RunStore job = store().asLeaseHolder("exec-1");
        job.stageStarted(id, Stage.Decrypt, "exec-1");
        // Record Failure: the run FAILED and the lease released, while the aborted branch's job still runs.
        store().stageFailed(id, Stage.Archive, "exec-1", "States.TaskFailed", "killed", RunStatus.FAILED);
        store().releaseLease(id, "exec-1");

        assertThatThrownBy(() -> job.stageStarted(id, Stage.Transform, "exec-1"))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining("exec-1").hasMessageContaining(id);
        assertThatThrownBy(() -> job.stageSucceeded(id, Stage.Decrypt, "exec-1", Map.of(), Map.of()))
                .isInstanceOf(LeaseLostException.class);
        RunRecord after = store().findRun(id).orElseThrow();
        assertThat(after.runStatus()).isEqualTo(RunStatus.FAILED);
        assertThat(after.currentStage()).isEqualTo("Archive");
        assertThat(store().findStage(id, Stage.Transform)).isEmpty();

        // A replay takes the lease: the old execution's job is refused, naming the new holder.
        store().acquireLease(id, "replay-1", TTL);
        assertThatThrownBy(() -> job.stageStarted(id, Stage.Transform, "exec-1"))
                .isInstanceOf(LeaseLostException.class).hasMessageContaining("replay-1");
        store().asLeaseHolder("replay-1").stageStarted(id, Stage.Transform, "replay-1");
        assertThat(store().findRun(id).orElseThrow().runStatus()).isEqualTo(RunStatus.RUNNING);
    }
}
