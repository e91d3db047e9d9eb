package com.paysaga.saga.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.saga.Stage;
import com.paysaga.saga.store.ExecutionRecord;
import com.paysaga.saga.store.Lease;
import com.paysaga.saga.store.LeaseGrant;
import com.paysaga.saga.store.LeaseHeldException;
import com.paysaga.saga.store.RunNotFoundException;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;

/**
 * Starts replays (DESIGN.md §4): checks the request and the prerequisites, takes the file's lease
 * for the new execution, stops whatever a stale or abandoned lease holder still runs, starts the
 * execution under a deterministic name and records the attempt.
 *
 * <p>The order makes a retried invocation safe: the name is computed from the EXEC# records,
 * which are written only after the start, so a retry after a start that was not yet recorded
 * computes the same name, renews its own lease and re-issues an idempotent start.
 */
public class ReplayService {

    public static final int DEFAULT_MAX_FILES = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunStore runs;
    private final ReplayPrerequisites prerequisites;
    private final ExecutionControl executions;
    private final JobControl jobs;
    private final Duration leaseTtl;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    public ReplayService(RunStore runs, ReplayPrerequisites prerequisites, ExecutionControl executions, JobControl jobs,
            Duration leaseTtl, RateLimiter rateLimiter, Clock clock) {
        this.runs = runs;
        this.prerequisites = prerequisites;
        this.executions = executions;
        this.jobs = jobs;
        this.leaseTtl = leaseTtl;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /** {@code <fileId first 16>-replay-<stage lower>-<attempt>} (docs/contracts.md, "Identifiers"). */
    public static String executionName(String fileId, Stage from, int attempt) {
        return fileId.substring(0, 16) + "-replay-" + from.name().toLowerCase(Locale.ROOT) + "-" + attempt;
    }

    public ReplayStarted replay(ReplayRequest request) {
        ReplayRequest.Valid r = request.validate();
        RunRecord run = runs.getRun(r.fileId());
        prerequisites.check(run, r.fromStage());
        String prefix = executionName(r.fileId(), r.fromStage(), 1);
        prefix = prefix.substring(0, prefix.length() - 1);
        final String namePrefix = prefix;
        int attempt = 1 + (int) runs.executions(r.fileId()).stream().filter(e -> e.name().startsWith(namePrefix)).count();
        String name = namePrefix + attempt;

        LeaseGrant grant;
        try {
            grant = runs.acquireLease(r.fileId(), name, leaseTtl, lease -> !executions.isRunning(lease.holder()));
        } catch (LeaseHeldException held) {
            throw new LeaseHeldException(r.fileId(), held.holder(), held.expiresAt(), "replay of file " + r.fileId()
                    + " from " + r.fromStage() + " refused: execution " + held.holder()
                    + " holds the file's lease until " + held.expiresAt()
                    + " and is still running; stop it or wait for it to finish");
        }
        String tookOverFrom = null;
        List<String> terminated = List.of();
        if (grant.tookOver()) {
            Lease stale = grant.takenOverFrom().get();
            tookOverFrom = stale.holder();
            String cause = "lease of file " + r.fileId() + " taken over by replay " + name;
            executions.stop(stale.holder(), cause);
            terminated = jobs.terminateJobsOf(stale.holder(), cause);
            runs.recordExecutionEnded(r.fileId(), stale.holder(), "ABANDONED", cause);
        }
        String arn;
        try {
            arn = executions.start(name, input(r));
        } catch (ExecutionNameTakenException race) {
            // Both requests computed the same attempt and took the same lease name: the other won.
            throw new LeaseHeldException(r.fileId(), name, null, "replay of file " + r.fileId() + " from "
                    + r.fromStage() + " refused: replay " + name + " of the same file was started a moment ago by"
                    + " another request; wait for it to finish");
        }
        runs.recordExecutionStarted(ExecutionRecord.started(r.fileId(), name, r.startedBy(), r.fromStage(), r.reason(),
                r.onlyFailedChunks(), clock.instant()));
        return new ReplayStarted(r.fileId(), r.fromStage().name(), name, arn, tookOverFrom, terminated);
    }

    /** The execution input: the replay request exactly as the state machine's first Choice expects it. */
    static String input(ReplayRequest.Valid r) {
        Map<String, Object> replay = new LinkedHashMap<>();
        replay.put("fileId", r.fileId());
        replay.put("fromStage", r.fromStage().name());
        replay.put("onlyFailedChunks", r.onlyFailedChunks());
        replay.put("reason", r.reason());
        replay.put("startedBy", r.startedBy());
        try {
            return JSON.writeValueAsString(Map.of("replay", replay));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replays every run the filter selects, at most {@code maxFiles}, spaced by the rate limit.
     * A file that cannot be replayed (lease held, prerequisite missing) is reported and skipped;
     * it does not stop the others.
     */
    public BulkReplayResult replayAll(BulkReplayFilter filter, String fromStage, String reason, String startedBy,
            Integer maxFiles) {
        RunStatus status;
        Optional<Stage> stage;
        Optional<Instant> since;
        try {
            status = filter.status() == null ? RunStatus.FAILED : RunStatus.valueOf(filter.status());
            stage = Optional.ofNullable(filter.stage()).map(Stage::parse);
            since = Optional.ofNullable(filter.since()).map(Instant::parse);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidReplayRequestException("invalid bulk replay filter " + filter + ": " + e.getMessage());
        }
        int limit = maxFiles == null ? DEFAULT_MAX_FILES : maxFiles;
        if (limit < 1 || limit > 1000) {
            throw new InvalidReplayRequestException("maxFiles must be within 1..1000, got " + limit);
        }
        List<RunRecord> matched = new ArrayList<>();
        for (RunRecord run : runs.runsByStatus(status, stage, since, Integer.MAX_VALUE)) {
            if (filter.partner() == null || filter.partner().equals(run.partner())) {
                matched.add(run);
            }
            if (matched.size() == limit) {
                break;
            }
        }
        List<BulkReplayResult.Entry> entries = new ArrayList<>();
        int started = 0;
        for (RunRecord run : matched) {
            String from = fromStage != null ? fromStage
                    : stage.map(Stage::name).orElse(run.currentStage());
            rateLimiter.acquire();
            try {
                ReplayStarted s = replay(new ReplayRequest(run.fileId(), from, false, reason, startedBy));
                entries.add(new BulkReplayResult.Entry(run.fileId(), "STARTED", s.executionName(), null));
                started++;
            } catch (LeaseHeldException | PrerequisiteMissingException | InvalidReplayRequestException
                    | RunNotFoundException e) {
                entries.add(new BulkReplayResult.Entry(run.fileId(), "REFUSED", null, e.getMessage()));
            }
        }
        return new BulkReplayResult(matched.size(), started, matched.size() - started, entries);
    }
}
