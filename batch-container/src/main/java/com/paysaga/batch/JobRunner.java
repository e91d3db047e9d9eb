package com.paysaga.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.paysaga.saga.BatchExitCode;
import com.paysaga.saga.Stage;
import com.paysaga.security.InputRejectedException;
import com.paysaga.saga.staging.UnknownFormatException;
import com.paysaga.saga.staging.ValidationFailedException;
import com.paysaga.saga.store.LeaseLostException;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageArtifacts;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What every command does around its work: the {@code STAGE#<Stage>} checkpoint (RUNNING, then
 * SUCCEEDED with artifacts and counts, or FAILED with error and cause), the start and end log
 * lines, and the exit code. Input rejections mark the run REJECTED; transient failures leave it
 * RUNNING, since Batch will retry.
 */
@ApplicationScoped
public class JobRunner {

    /** A stage's work, given its context. */
    @FunctionalInterface
    public interface Work {
        StageResult run(JobContext context) throws Exception;
    }

    public record StageResult(Map<String, String> artifacts, Map<String, Long> counts) {
    }

    private final JobConfig config;
    private final DynamoDbClient dynamo;

    public JobRunner(JobConfig config, DynamoDbClient dynamo) {
        this.config = config;
        this.dynamo = dynamo;
    }

    public int run(Stage stage, String fileId, Work work) {
        String execution = config.executionName().filter(s -> !s.isBlank()).orElse("manual");
        JobLog log = new JobLog(fileId, stage.name(), execution);
        long started = System.nanoTime();
        long kmsBefore = KmsCallCounter.calls();
        RunStore runs = null;
        try {
            if (!fileId.matches("[0-9a-f]{64}")) {
                throw new JobSetupException("--file-id must be the file's lowercase hex SHA-256 (64 characters)");
            }
            runs = new RunStore(dynamo, Env.require(config.runsTable(), "RUNS_TABLE"));
            if (config.executionName().filter(s -> !s.isBlank()).isPresent()) {
                // Started by an execution: it writes only while that execution holds the file's lease.
                runs = runs.asLeaseHolder(execution);
            }
            log.info("started", Map.of("attempt", System.getenv().getOrDefault("AWS_BATCH_JOB_ATTEMPT", "1")));
            runs.stageStarted(fileId, stage, execution);
            StageResult result = work.run(new JobContext(fileId, stage, execution, runs, log));
            Map<String, Long> counts = new LinkedHashMap<>(result.counts());
            counts.put("kmsCalls", KmsCallCounter.calls() - kmsBefore);
            runs.stageSucceeded(fileId, stage, execution, result.artifacts(), counts);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            fields.put("artifacts", result.artifacts());
            fields.put("counts", counts);
            log.info("succeeded", fields);
            return BatchExitCode.SUCCESS;
        } catch (Exception e) {
            int code = ExitCodes.of(e);
            String error = e.getClass().getSimpleName();
            String cause = e.getMessage() == null ? error : e.getMessage();
            Map<String, String> artifacts = new LinkedHashMap<>();
            if (e instanceof ValidationFailedException v) {
                artifacts.put(StageArtifacts.VALIDATION_REPORT, v.reportUri());
            } else if (e instanceof UnknownFormatException u) {
                artifacts.put(StageArtifacts.VALIDATION_REPORT, u.reportUri());
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("error", error);
            fields.put("cause", cause);
            fields.put("exitCode", code);
            fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            fields.put("kmsCalls", KmsCallCounter.calls() - kmsBefore);
            fields.putAll(artifacts);
            log.error("failed", fields);
            if (runs != null && !(e instanceof LeaseLostException)) {
                RunStatus status = e instanceof InputRejectedException ? RunStatus.REJECTED
                        : code == BatchExitCode.TRANSIENT ? RunStatus.RUNNING : RunStatus.FAILED;
                try {
                    runs.stageFailed(fileId, stage, execution, error, cause, status, artifacts);
                } catch (RuntimeException checkpoint) {
                    log.error("checkpoint-failed", Map.of("error", checkpoint.getClass().getSimpleName(),
                            "cause", String.valueOf(checkpoint.getMessage())));
                }
            }
            return code;
        }
    }
}
