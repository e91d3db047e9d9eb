package com.paysaga.local.runtime;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.ExecutionStatus;
import com.paysaga.saga.Stage;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.ChunkRecord;
import com.paysaga.saga.store.FileIds;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageRecord;
import com.paysaga.saga.store.StageStatus;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Uploads files the way a partner does and follows their runs to the end, showing live
 * progress (per file: the stage it is in, chunks loaded of total, rate) and returning each
 * outcome. Used by {@code ingest}, {@code demo} and the end-to-end tests.
 */
public final class Ingestion {

    /**
     * A file to drop into {@code inbound/<partner>/<name>}, or (content null) a known file that
     * is being replayed.
     */
    public record Upload(String label, String partner, String name, byte[] content, Map<String, String> metadata,
            String fileId) {

        /** docs/contracts.md: the fileId is the SHA-256 of the bytes as received. */
        public static Upload of(String label, String partner, String name, byte[] content) {
            return new Upload(label, partner, name, content, Map.of(), FileIds.of(content));
        }

        public static Upload of(String label, String partner, String name, byte[] content, Map<String, String> metadata) {
            return new Upload(label, partner, name, content, metadata, FileIds.of(content));
        }

        public static Upload replayOf(String label, String fileId) {
            return new Upload(label, null, null, null, Map.of(), fileId);
        }

        public String key() {
            return ObjectLayout.inboundKey(partner, name);
        }
    }

    /** How one upload ended. {@code run} is empty when no run record exists (e.g. rejected before Validate wrote one). */
    public record Outcome(Upload upload, String executionName, ExecutionResult result, Optional<RunRecord> run,
            Duration elapsed) {
        public String status() {
            return run.map(r -> r.runStatus().name()).orElse(result.status() == ExecutionStatus.SUCCEEDED ? "SUCCEEDED" : "FAILED");
        }

        public long loaded() {
            return run.map(RunRecord::transactionsLoaded).orElse(0L);
        }
    }

    private Ingestion() {
    }

    public static List<Outcome> run(LocalRuntime runtime, List<Upload> uploads, PrintWriter progress, Duration timeout)
            throws InterruptedException {
        String inbound = runtime.stack().ref("InboundBucket");
        Map<Upload, LocalStepFunctions.Started> started = new LinkedHashMap<>();
        Instant t0 = Instant.now();
        for (Upload u : uploads) {
            List<LocalStepFunctions.Started> s = runtime.upload(inbound, u.key(), u.content(), u.metadata());
            if (s.isEmpty()) {
                throw new IllegalStateException("no rule matched the upload of " + u.key());
            }
            started.put(u, s.get(0));
        }
        return follow(runtime, started, t0, progress, timeout);
    }

    /**
     * How often each run's progress is read from the runs table. The emulator serves every
     * component of the pipeline on the same cores; reading three items per file four times a
     * second, for twenty files at once, cost it as much CPU as the pipeline's own writes.
     */
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(1);
    private static final Set<RunStatus> TERMINAL = EnumSet.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.REJECTED);

    /** Follows already started executions (uploads or replays) until they end. */
    public static List<Outcome> follow(LocalRuntime runtime, Map<Upload, LocalStepFunctions.Started> started, Instant t0,
            PrintWriter progress, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<Upload, Progress> lastShown = new LinkedHashMap<>();
        Map<Upload, Instant> lastRead = new LinkedHashMap<>();
        Map<Upload, Outcome> done = new LinkedHashMap<>();
        try (DynamoDbClient dynamo = runtime.clients().dynamoDb()) {
            RunStore runs = new RunStore(dynamo, runtime.stack().ref("RunsTable"));
            while (done.size() < started.size()) {
                for (var e : started.entrySet()) {
                    Upload u = e.getKey();
                    if (done.containsKey(u)) {
                        continue;
                    }
                    // The execution's state is in memory and checked often; the table only when due or at the end.
                    Optional<ExecutionResult> result = e.getValue().execution().await(Duration.ZERO);
                    Instant read = lastRead.get(u);
                    if (result.isPresent() || read == null || !Instant.now().isBefore(read.plus(PROGRESS_INTERVAL))) {
                        lastRead.put(u, Instant.now());
                        Progress p = progress(runs, u, t0, result.isPresent() ? null : e.getValue());
                        Progress shown = lastShown.get(u);
                        // Printed when the run moves on, not when only its rate changes.
                        if (shown == null || !p.state().equals(shown.state())) {
                            lastShown.put(u, p);
                            progress.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "  " + p.line());
                            progress.flush();
                        }
                    }
                    if (result.isPresent()) {
                        runtime.await(e.getValue(), Duration.ZERO);
                        done.put(u, new Outcome(u, e.getValue().execution().name(), result.get(),
                                runs.findRun(u.fileId()), Duration.between(t0, Instant.now())));
                    }
                }
                if (done.size() < started.size()) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException((started.size() - done.size()) + " run(s) still going after " + timeout);
                    }
                    Thread.sleep(250);
                }
            }
        }
        List<Outcome> out = new ArrayList<>();
        started.keySet().forEach(u -> out.add(done.get(u)));
        return out;
    }

    /** A progress line, and the part of it that says where the run is (without its rate). */
    private record Progress(String state, String line) {
    }

    /** @param running the execution still going, or null once it ended */
    private static Progress progress(RunStore runs, Upload u, Instant t0, LocalStepFunctions.Started running) {
        Optional<RunRecord> run = runs.findRun(u.fileId());
        if (run.isEmpty()) {
            String line = u.label() + "  uploaded, waiting for Validate";
            return new Progress(line, line);
        }
        RunRecord r = run.get();
        if (running != null && TERMINAL.contains(r.runStatus()) && r.updatedAt().isBefore(running.startDate())) {
            // A replay (or a second upload) that has not reached the run yet: the record still shows the run before it.
            String line = u.label() + "  " + running.execution().name() + " starting (previous run " + r.runStatus() + ")";
            return new Progress(line, line);
        }
        StringBuilder b = new StringBuilder(u.label()).append("  ").append(r.runStatus());
        if (r.currentStage() != null) {
            b.append(" at ").append(r.currentStage());
        }
        String rate = "";
        // Chunks exist only once Transform has run: earlier stages need no more reads.
        boolean chunked = Arrays.stream(Stage.values()).filter(st -> st.name().equals(r.currentStage()))
                .anyMatch(st -> st.compareTo(Stage.Transform) >= 0);
        Long total = null;
        Map<Integer, ChunkRecord> chunks = Map.of();
        if (chunked) {
            total = runs.findStage(u.fileId(), Stage.Transform).filter(StageRecord::succeeded)
                    .map(s -> s.counts().get("chunks")).orElse(null);
            chunks = runs.chunks(u.fileId());
        }
        if (total != null || !chunks.isEmpty()) {
            long loadedChunks = chunks.values().stream().filter(c -> c.status() == StageStatus.SUCCEEDED).count();
            long loadedTxns = chunks.values().stream().filter(c -> c.status() == StageStatus.SUCCEEDED)
                    .mapToLong(ChunkRecord::transactions).sum();
            double seconds = Math.max(0.001, Duration.between(t0, Instant.now()).toMillis() / 1000.0);
            b.append("  chunks ").append(loadedChunks).append('/').append(total == null ? "?" : total);
            rate = String.format("  %.1f txn/s", loadedTxns / seconds);
        }
        String error = r.lastError() != null && r.runStatus().name().equals("FAILED") ? "  " + r.lastError().error() : "";
        return new Progress(b + error, b + rate + error);
    }
}
