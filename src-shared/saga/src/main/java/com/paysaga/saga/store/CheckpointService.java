package com.paysaga.saga.store;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.saga.Stage;
import com.paysaga.saga.replay.PrerequisiteMissingException;
import com.paysaga.saga.replay.ReplayPrerequisites;
import com.paysaga.saga.replay.ReplayRequest;
import com.paysaga.saga.replay.ResumePlan;
import com.paysaga.saga.staging.ChunkDescriptor;
import com.paysaga.saga.staging.Manifest;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.StagingJson;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * The checkpoint function's work: stage records between the stages, the failure record every
 * Catch leads to, the replay entry point (LoadCheckpoint) and Finalize.
 */
public class CheckpointService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STAGING_JSON = StagingJson.mapper();

    private final RunStore runs;
    private final S3Client s3;
    private final SnsClient sns;
    private final Buckets buckets;
    private final String topicArn;
    private final ReplayPrerequisites prerequisites;
    private final Duration leaseTtl;
    private final Clock clock;

    public CheckpointService(RunStore runs, S3Client s3, SnsClient sns, Buckets buckets, String topicArn,
            ReplayPrerequisites prerequisites, Duration leaseTtl, Clock clock) {
        this.runs = runs;
        this.s3 = s3;
        this.sns = sns;
        this.buckets = buckets;
        this.topicArn = topicArn;
        this.prerequisites = prerequisites;
        this.leaseTtl = leaseTtl;
        this.clock = clock;
    }

    public record StageCheckpoint(String fileId, String stage, String status) {
    }

    /** Load's start: its prerequisites, and where the Map's ItemReader finds the chunk list. */
    public record LoadPlan(String fileId, String chunkListBucket, String chunkListKey, int chunks, long transactions) {
    }

    /** Every field is written, null included: Record Failure's ResultSelector selects each by path. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FailureRecord(String fileId, String stage, String error, String cause, String runStatus,
            String execution, boolean recorded, String message) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResumeState(RunView run, Map<String, Object> route, String resumeAt, Map<String, Boolean> plan,
            Map<String, String> artifacts) {
    }

    public record FinalizeResult(String fileId, long transactionsParsed, long transactionsLoaded, String runStatus) {
    }

    // ------------------------------------------------------------------ stage records

    public StageCheckpoint stageStarted(String fileId, Stage stage, String execution) {
        runs.stageStarted(fileId, stage, execution);
        return new StageCheckpoint(fileId, stage.name(), StageStatus.RUNNING.name());
    }

    /**
     * Records a stage's success. After Decrypt and Transform it also records the artifacts and
     * counts the contract fixes, so a replay finds them even if the Batch command's own record
     * was lost; Transform's counts come from its manifest, Load's from the chunk checkpoints.
     */
    public StageCheckpoint stageSucceeded(String fileId, Stage stage, String execution) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        switch (stage) {
            case Decrypt -> artifacts.putAll(StageArtifacts.decrypted(buckets.work(), fileId));
            case Transform -> {
                Manifest m = manifest(fileId, stage);
                artifacts.putAll(StageArtifacts.transformed(buckets.staging(), fileId));
                counts.put("transactions", m.transactions());
                counts.put("chunks", (long) m.chunks().size());
                runs.recordParsedCount(fileId, m.transactions());
            }
            case Load -> {
                Manifest m = manifest(fileId, stage);
                Map<Integer, ChunkRecord> chunks = runs.chunks(fileId);
                long loaded = 0;
                for (ChunkDescriptor c : m.chunks()) {
                    ChunkRecord r = chunks.get(c.index());
                    if (r != null && r.status() == StageStatus.SUCCEEDED) {
                        loaded += r.transactions();
                    }
                }
                counts.put("chunks", (long) m.chunks().size());
                counts.put("transactions", loaded);
                runs.recordLoadedCount(fileId, loaded);
            }
            default -> {
            }
        }
        runs.stageSucceeded(fileId, stage, execution, artifacts, counts);
        return new StageCheckpoint(fileId, stage.name(), StageStatus.SUCCEEDED.name());
    }

    public LoadPlan startLoad(String fileId, String execution) {
        Manifest m = manifest(fileId, Stage.Load);
        try {
            s3.headObject(b -> b.bucket(buckets.staging()).key(ObjectLayout.chunkListKey(fileId)));
        } catch (NoSuchKeyException e) {
            throw new PrerequisiteMissingException("cannot load file " + fileId + ": the chunk list "
                    + ObjectLayout.s3Uri(buckets.staging(), ObjectLayout.chunkListKey(fileId))
                    + " does not exist; replay from Transform");
        }
        runs.stageStarted(fileId, Stage.Load, execution);
        return new LoadPlan(fileId, buckets.staging(), ObjectLayout.chunkListKey(fileId), m.chunks().size(),
                m.transactions());
    }

    // ------------------------------------------------------------------ failures

    /**
     * Records the failure a Catch caught. {@code state} is the whole state at the Catch: the file
     * is {@code $.run.fileId} (or {@code $.replay.fileId} before LoadCheckpoint succeeded), the
     * error {@code $.error}, the stage {@code $.failedStage} or the branch wrapper in the cause.
     *
     * <p>Only the lease holder changes the run: an execution refused the lease (a second
     * delivery of the same upload, a replay that lost a race) must not mark the run that another
     * execution is processing as failed. Every execution's own EXEC# record is ended.
     */
    public FailureRecord recordFailure(JsonNode state, String execution) {
        StepFunctionsError e = StepFunctionsError.parse(state.path("error"));
        String stage = e.stage() != null ? e.stage() : textOrNull(state.path("failedStage"));
        String fileId = textOrNull(state.path("run").path("fileId"));
        if (fileId == null) {
            fileId = textOrNull(state.path("replay").path("fileId"));
        }
        if (fileId == null) {
            // A rejected upload: Validate names the file in its error (its state never got a run).
            fileId = FileIds.mentionedIn(e.cause()).orElse(null);
        }
        boolean rejected = ErrorCatalog.isRejection(e);
        RunStatus status = rejected ? RunStatus.REJECTED : RunStatus.FAILED;
        if (fileId == null) {
            return new FailureRecord(null, stage, e.error(), e.cause(), null, execution, false,
                    "failure before the file was identified: " + e.error() + ": " + e.cause());
        }
        Optional<RunRecord> run = runs.findRun(fileId);
        if (run.isEmpty()) {
            return new FailureRecord(fileId, stage, e.error(), e.cause(), null, execution, false,
                    "no run recorded for file " + fileId + ": " + e.error() + ": " + e.cause());
        }
        Stage failed = stage == null ? Stage.parse(run.get().currentStage()) : Stage.parse(stage);
        boolean holder = run.get().lease().map(l -> l.holder().equals(execution)).orElse(false);
        String outcome = holder ? status.name() : "FAILED";
        runs.recordExecutionEnded(fileId, execution, outcome, e.error() + ": " + e.cause());
        if (!holder) {
            return new FailureRecord(fileId, failed.name(), e.error(), e.cause(), run.get().runStatus().name(), execution,
                    false, "execution " + execution + " failed at " + failed + " without holding the lease of file "
                            + fileId + "; the run was left as it is: " + e.error() + ": " + e.cause());
        }
        String error = e.error();
        String cause = e.cause();
        // A Batch command records its own failure (WrongKeyException, ValidationFailedException…),
        // more precise than the state machine's States.TaskFailed: that account stands.
        Optional<StageRecord> own = runs.findStage(fileId, failed);
        if (own.isPresent() && own.get().status() == StageStatus.FAILED && execution.equals(own.get().execution())
                && own.get().error() != null) {
            error = own.get().error();
            cause = own.get().cause() == null ? cause : own.get().cause();
        }
        runs.stageFailed(fileId, failed, execution, error, cause, status);
        runs.releaseLease(fileId, execution);
        return new FailureRecord(fileId, failed.name(), error, cause, status.name(), execution, true,
                "file " + fileId + " " + status.name().toLowerCase() + " at " + failed + ": " + error + ": " + cause);
    }

    // ------------------------------------------------------------------ replay entry

    /**
     * LoadCheckpoint: a replay's first step. Checks the prerequisites of the stage it enters
     * before taking the lease, so a request that cannot run leaves the run untouched.
     * Without access to Step Functions it takes over only leases that have expired; the replay
     * function, which can stop executions, also takes over those of finished executions.
     */
    public ResumeState loadCheckpoint(ReplayRequest request, String execution) {
        ReplayRequest.Valid r = request.validate();
        RunRecord run = runs.getRun(r.fileId());
        ResumePlan plan = prerequisites.check(run, r.fromStage());
        runs.acquireLease(r.fileId(), execution, leaseTtl);
        runs.recordExecutionStarted(ExecutionRecord.started(r.fileId(), execution,
                "replay-lambda".equals(r.startedBy()) ? r.startedBy() : r.startedBy().equals("unknown") ? "console" : r.startedBy(),
                r.fromStage(), r.reason(), r.onlyFailedChunks(), clock.instant()));
        Map<String, Boolean> p = new LinkedHashMap<>();
        p.put("runDecrypt", plan.runDecrypt());
        p.put("runTransform", plan.runTransform());
        p.put("runArchive", plan.runArchive());
        return new ResumeState(RunView.of(run, r.fromStage().name(), r.onlyFailedChunks(), false),
                run.route().isEmpty() ? null : run.route(), r.fromStage().name(), p, plan.artifacts());
    }

    // ------------------------------------------------------------------ finalize

    /** Loaded must equal parsed, chunk by chunk; then SNS is told, the run is COMPLETED and the lease released. */
    public FinalizeResult finalizeRun(String fileId, String execution) {
        runs.stageStarted(fileId, Stage.Finalize, execution);
        Manifest m = manifest(fileId, Stage.Finalize);
        Map<Integer, ChunkRecord> chunks = runs.chunks(fileId);
        long loaded = 0;
        List<Integer> missing = new ArrayList<>();
        for (ChunkDescriptor c : m.chunks()) {
            ChunkRecord r = chunks.get(c.index());
            if (r == null || r.status() != StageStatus.SUCCEEDED || r.transactions() != c.transactions()) {
                missing.add(c.index());
            } else {
                loaded += r.transactions();
            }
        }
        if (loaded != m.transactions() || !missing.isEmpty()) {
            throw new LoadIncompleteException("file " + fileId + ": loaded " + loaded + " of " + m.transactions()
                    + " parsed transactions" + (missing.isEmpty() ? "" : "; chunks not loaded: " + missing)
                    + "; replay from Load with onlyFailedChunks");
        }
        runs.recordLoadedCount(fileId, loaded);
        // Told before it is marked: a failed publish leaves the run FAILED at Finalize under this
        // execution's lease (Record Failure), so a replay from Finalize tells it again. The price
        // is at-least-once delivery: a failure after the publish repeats it on that replay.
        publishCompletion(runs.getRun(fileId), m, execution);
        runs.stageSucceeded(fileId, Stage.Finalize, execution, Map.of(), Map.of("transactions", loaded));
        runs.updateRunStatus(fileId, RunStatus.COMPLETED, Stage.Finalize);
        runs.releaseLease(fileId, execution);
        runs.recordExecutionEnded(fileId, execution, "SUCCEEDED", null);
        return new FinalizeResult(fileId, m.transactions(), loaded, RunStatus.COMPLETED.name());
    }

    private void publishCompletion(RunRecord run, Manifest m, String execution) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "RunCompleted");
        event.put("fileId", run.fileId());
        event.put("partner", run.partner());
        event.put("format", m.format());
        event.put("execution", execution);
        event.put("transactions", m.transactions());
        event.put("totals", m.totals());
        event.put("source", ObjectLayout.s3Uri(run.bucket(), run.key()));
        String message;
        try {
            message = JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        sns.publish(b -> b.topicArn(topicArn).subject("PaySaga run completed").message(message)
                .messageAttributes(Map.of("event", MessageAttributeValue.builder().dataType("String")
                        .stringValue("RunCompleted").build(),
                        "partner", MessageAttributeValue.builder().dataType("String").stringValue(run.partner()).build())));
    }

    // ------------------------------------------------------------------ helpers

    public Manifest manifest(String fileId, Stage forStage) {
        String key = ObjectLayout.manifestKey(fileId);
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(buckets.staging()).key(key))) {
            Manifest m = STAGING_JSON.readValue((InputStream) in, Manifest.class);
            if (!fileId.equals(m.fileId())) {
                throw new PrerequisiteMissingException("manifest " + ObjectLayout.s3Uri(buckets.staging(), key)
                        + " is for file " + m.fileId() + ", not " + fileId);
            }
            return m;
        } catch (NoSuchKeyException e) {
            throw new PrerequisiteMissingException(forStage + " of file " + fileId + " needs the manifest "
                    + ObjectLayout.s3Uri(buckets.staging(), key) + ", which does not exist; replay from Transform");
        } catch (IOException e) {
            throw new PrerequisiteMissingException("manifest " + ObjectLayout.s3Uri(buckets.staging(), key)
                    + " is not valid JSON: " + e.getMessage());
        }
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }
}
