package com.paysaga.saga.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.paysaga.saga.Stage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The runs table (docs/contracts.md, "Runs table items"): one run per file, its stages, chunks
 * and executions, and the per-file lease. This class is the table's one entry point; each record
 * kind is written and read by its own class ({@link RunItems} for META and the ByStatus index,
 * {@link LeaseItems}, {@link StageItems}, {@link ChunkItems}, {@link ExecutionItems}) over the
 * shared {@link RunsTable}.
 *
 * <p>Every write is an {@code UpdateItem} that names the attributes it sets, so writers of the
 * same item (the Batch job and the checkpoint Lambda both write {@code STAGE#Transform}) merge
 * instead of replacing each other's attributes; artifacts and counts are merged key by key.
 * Timestamps are ISO-8601 UTC with exactly three fraction digits, so that they sort as strings
 * (the ByStatus index's range key {@code stageUpdatedAt = <Stage>#<instant>} relies on it).
 */
public class RunStore {

    public static final String META = RunsTable.META;

    private final RunsTable table;
    private final RunItems runs;
    private final LeaseItems leases;
    private final StageItems stages;
    private final ChunkItems chunks;
    private final ExecutionItems executions;

    public RunStore(DynamoDbClient dynamo, String table, Clock clock) {
        this(new RunsTable(dynamo, table, clock, null));
    }

    public RunStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    private RunStore(RunsTable table) {
        this.table = table;
        this.runs = new RunItems(table);
        this.leases = new LeaseItems(table);
        this.stages = new StageItems(table, runs);
        this.chunks = new ChunkItems(table);
        this.executions = new ExecutionItems(table);
    }

    /**
     * This store for a writer that acts for {@code execution} and can outlive its task: a Batch
     * job keeps running after its Parallel branch was aborted or its execution stopped, until
     * the termination reaches it. Each META write (every stage write starts with one) is then
     * conditional on {@code execution} holding the file's lease, and fails with
     * {@link LeaseLostException} once Record Failure released it or a replay took it over, so
     * a late "stage started" cannot turn a FAILED run back to RUNNING.
     */
    public RunStore asLeaseHolder(String execution) {
        return new RunStore(table.asLeaseHolder(execution));
    }

    public String table() {
        return table.table;
    }

    public static String pk(String fileId) {
        return RunsTable.pk(fileId);
    }

    public static String stageSk(Stage stage) {
        return StageItems.sk(stage);
    }

    public static String chunkSk(int index) {
        return ChunkItems.sk(index);
    }

    public static String execSk(String name) {
        return ExecutionItems.sk(name);
    }

    public static String timestamp(Instant instant) {
        return RunsTable.timestamp(instant);
    }

    // META

    /** The outcome of {@link #createRun}: the run now recorded, and whether this call created it. */
    public record Creation(RunRecord run, boolean created) {
    }

    /**
     * Creates the META item unless the file id is known; either way returns the run as stored,
     * so that Validate tells a second upload of the same content from a first one.
     */
    public Creation createRun(NewRun run) {
        return runs.createRun(run);
    }

    public Optional<RunRecord> findRun(String fileId) {
        return table.findRun(fileId);
    }

    public RunRecord getRun(String fileId) {
        return runs.getRun(fileId);
    }

    /** Sets the run status and where it stands; the status index then lists it under that stage. */
    public void updateRunStatus(String fileId, RunStatus status, Stage stage) {
        runs.updateRunStatus(fileId, status, stage);
    }

    /** Records the route decision (a plain map, the decision's JSON form) and what it chose. */
    public void recordRoute(String fileId, Map<String, Object> route, String format, String profileId) {
        runs.recordRoute(fileId, route, format, profileId);
    }

    public void recordParsedCount(String fileId, long transactions) {
        runs.recordCount(fileId, "transactionsParsed", transactions);
    }

    public void recordLoadedCount(String fileId, long transactions) {
        runs.recordCount(fileId, "transactionsLoaded", transactions);
    }

    /** Appends a second upload of known content to the run, which otherwise stays as it is. */
    public void recordDuplicateUpload(String fileId, String bucket, String key, String versionId, Instant receivedAt) {
        runs.recordDuplicateUpload(fileId, bucket, key, versionId, receivedAt);
    }

    /**
     * Runs with {@code status}, optionally only those whose status was last set at {@code stage},
     * and only those updated at or after {@code since}; at most {@code limit}, oldest first.
     */
    public List<RunRecord> runsByStatus(RunStatus status, Optional<Stage> stage, Optional<Instant> since, int limit) {
        return runs.runsByStatus(status, stage, since, limit);
    }

    // lease

    /**
     * Takes, renews or takes over the file's lease for {@code holder}, or refuses with
     * {@link LeaseHeldException}. The write is conditional on the lease still being what was
     * read, so of two racing takers exactly one wins.
     */
    public LeaseGrant acquireLease(String fileId, String holder, Duration ttl) {
        return leases.acquire(fileId, holder, ttl, lease -> false);
    }

    /**
     * As {@link #acquireLease(String, String, Duration)}, and a live lease whose holder
     * {@code abandoned} says is no longer running (an execution that timed out or was aborted
     * never reaches the step that releases it) is taken over like a stale one.
     */
    public LeaseGrant acquireLease(String fileId, String holder, Duration ttl, Predicate<Lease> abandoned) {
        return leases.acquire(fileId, holder, ttl, abandoned);
    }

    /** Releases the lease if {@code holder} still holds it; returns whether it did. */
    public boolean releaseLease(String fileId, String holder) {
        return leases.release(fileId, holder);
    }

    // STAGE#

    /** A new attempt of {@code stage}: status RUNNING, attempt + 1, the previous outcome cleared. */
    public void stageStarted(String fileId, Stage stage, String execution) {
        stages.started(fileId, stage, execution);
    }

    /**
     * The stage succeeded. Artifacts and counts are merged into what the item holds (the Batch
     * command records its own before the state machine's checkpoint does).
     */
    public void stageSucceeded(String fileId, Stage stage, String execution, Map<String, String> artifacts,
            Map<String, Long> counts) {
        stages.succeeded(fileId, stage, execution, artifacts, counts);
    }

    /** The stage failed: the stage item and the run (FAILED, or REJECTED for refused input) say why. */
    public void stageFailed(String fileId, Stage stage, String execution, String error, String cause,
            RunStatus runStatus) {
        stages.failed(fileId, stage, execution, error, cause, runStatus, Map.of());
    }

    /**
     * The stage failed and left artifacts that explain why (Transform's validation report): they
     * are merged into the stage item's {@code artifacts} like a success's.
     */
    public void stageFailed(String fileId, Stage stage, String execution, String error, String cause,
            RunStatus runStatus, Map<String, String> artifacts) {
        stages.failed(fileId, stage, execution, error, cause, runStatus, artifacts);
    }

    public Optional<StageRecord> findStage(String fileId, Stage stage) {
        return stages.find(fileId, stage);
    }

    /** Every recorded stage of the file, in pipeline order. */
    public Map<Stage, StageRecord> stages(String fileId) {
        return stages.all(fileId);
    }

    // CHUNK#

    public void chunkStarted(String fileId, int index, String execution) {
        chunks.started(fileId, index, execution);
    }

    public void chunkSucceeded(String fileId, int index, long transactions, String execution) {
        chunks.succeeded(fileId, index, transactions, execution);
    }

    public void chunkFailed(String fileId, int index, String execution, String error) {
        chunks.failed(fileId, index, execution, error);
    }

    /** The chunk checkpoints of the file by 1-based index. */
    public Map<Integer, ChunkRecord> chunks(String fileId) {
        return chunks.all(fileId);
    }

    // EXEC#

    /** Records the start of an execution; a second call for the same name keeps the first record. */
    public void recordExecutionStarted(ExecutionRecord e) {
        executions.started(e);
    }

    /** Records how an execution ended; creates the record if its start was never written. */
    public void recordExecutionEnded(String fileId, String name, String outcome, String error) {
        executions.ended(fileId, name, outcome, error);
    }

    public Optional<ExecutionRecord> findExecution(String fileId, String name) {
        return executions.find(fileId, name);
    }

    /** Every execution recorded for the file, oldest first. */
    public List<ExecutionRecord> executions(String fileId) {
        return executions.all(fileId);
    }
}
