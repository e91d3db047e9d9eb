package com.paysaga.saga.replay;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.paysaga.saga.Stage;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.Buckets;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageRecord;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What must exist before a replay may enter at a stage, checked against the run's records and
 * the objects themselves (a record of an expired object is no prerequisite):
 *
 * <table>
 * <tr><th>from</th><th>needs</th></tr>
 * <tr><td>Validate</td><td>the original upload (its S3 version)</td></tr>
 * <tr><td>Archive</td><td>the original upload; where Transform's output is incomplete (a failed
 *     Archive cancels its sibling branch), also Route SUCCEEDED, and that branch runs again from
 *     Decrypt, or from Transform while the plaintext is kept</td></tr>
 * <tr><td>Route</td><td>Validate SUCCEEDED and the original upload</td></tr>
 * <tr><td>Decrypt</td><td>Route SUCCEEDED (its decision) and the original upload</td></tr>
 * <tr><td>Transform</td><td>Route and Decrypt SUCCEEDED, the decrypted plaintext in the work bucket</td></tr>
 * <tr><td>Load</td><td>Route and Transform SUCCEEDED, manifest and chunk list in staging</td></tr>
 * <tr><td>Finalize</td><td>as Load, and Load SUCCEEDED</td></tr>
 * </table>
 */
public class ReplayPrerequisites {

    private final RunStore runs;
    private final S3Client s3;
    private final Buckets buckets;

    public ReplayPrerequisites(RunStore runs, S3Client s3, Buckets buckets) {
        this.runs = runs;
        this.s3 = s3;
        this.buckets = buckets;
    }

    public ResumePlan check(RunRecord run, Stage from) {
        String fileId = run.fileId();
        Map<Stage, StageRecord> stages = runs.stages(fileId);
        Map<String, String> artifacts = new LinkedHashMap<>();
        stages.values().forEach(s -> s.artifacts().forEach((k, v) -> artifacts.put(s.stage().name() + "." + k, v)));
        String upload = ObjectLayout.s3Uri(run.bucket(), run.key());
        artifacts.put("upload", upload);
        switch (from) {
            case Validate, Archive -> requireUpload(run, from);
            case Route -> {
                requireSucceeded(stages, Stage.Validate, from, fileId);
                requireUpload(run, from);
            }
            case Decrypt -> {
                requireRoute(run, stages, from);
                requireUpload(run, from);
            }
            case Transform -> {
                requireRoute(run, stages, from);
                requireSucceeded(stages, Stage.Decrypt, from, fileId);
                requireObject(buckets.work(), ObjectLayout.plaintextKey(fileId), from,
                        "the decrypted plaintext (kept WorkObjectRetentionDays days); replay from Decrypt instead");
            }
            case Load, Finalize -> {
                requireRoute(run, stages, from);
                requireSucceeded(stages, Stage.Transform, from, fileId);
                requireObject(buckets.staging(), ObjectLayout.manifestKey(fileId), from,
                        "the manifest (kept StagingObjectRetentionDays days); replay from Transform instead");
                requireObject(buckets.staging(), ObjectLayout.chunkListKey(fileId), from,
                        "the chunk list; replay from Transform instead");
                if (from == Stage.Finalize) {
                    requireSucceeded(stages, Stage.Load, from, fileId);
                }
            }
        }
        boolean archiveDone = succeeded(stages, Stage.Archive);
        return switch (from) {
            case Transform -> new ResumePlan(from, false, true, !archiveDone, artifacts);
            case Archive -> {
                // Archive's sibling branch may not have finished either: a failed Archive cancels
                // the Parallel, Transform with it. What that branch lacks runs again, from the
                // first step whose output is gone.
                boolean transformDone = succeeded(stages, Stage.Transform)
                        && exists(buckets.staging(), ObjectLayout.manifestKey(fileId))
                        && exists(buckets.staging(), ObjectLayout.chunkListKey(fileId));
                if (transformDone) {
                    yield new ResumePlan(from, false, false, true, artifacts);
                }
                requireRoute(run, stages, from);
                boolean decryptDone = succeeded(stages, Stage.Decrypt) && exists(buckets.work(), ObjectLayout.plaintextKey(fileId));
                yield new ResumePlan(from, !decryptDone, true, true, artifacts);
            }
            default -> new ResumePlan(from, true, true, true, artifacts);
        };
    }

    private static boolean succeeded(Map<Stage, StageRecord> stages, Stage stage) {
        return Optional.ofNullable(stages.get(stage)).map(StageRecord::succeeded).orElse(false);
    }

    private boolean exists(String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void requireRoute(RunRecord run, Map<Stage, StageRecord> stages, Stage from) {
        requireSucceeded(stages, Stage.Route, from, run.fileId());
        if (run.route().isEmpty()) {
            throw new PrerequisiteMissingException("cannot replay file " + run.fileId() + " from " + from
                    + ": the run has no route decision recorded; replay from Route instead");
        }
    }

    private static void requireSucceeded(Map<Stage, StageRecord> stages, Stage needed, Stage from, String fileId) {
        StageRecord r = stages.get(needed);
        if (r == null || !r.succeeded()) {
            throw new PrerequisiteMissingException("cannot replay file " + fileId + " from " + from + ": stage "
                    + needed + " has " + (r == null ? "never run" : "status " + r.status())
                    + "; replay from " + needed + " or earlier instead");
        }
    }

    private void requireUpload(RunRecord run, Stage from) {
        try {
            s3.headObject(b -> {
                b.bucket(run.bucket()).key(run.key());
                if (run.versionId() != null && !run.versionId().isEmpty()) {
                    b.versionId(run.versionId());
                }
            });
        } catch (NoSuchKeyException e) {
            throw missing(run.fileId(), from, ObjectLayout.s3Uri(run.bucket(), run.key())
                    + (run.versionId() == null ? "" : " version " + run.versionId()), "the original upload");
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw missing(run.fileId(), from, ObjectLayout.s3Uri(run.bucket(), run.key()), "the original upload");
            }
            throw e;
        }
    }

    private void requireObject(String bucket, String key, Stage from, String what) {
        if (!exists(bucket, key)) {
            throw missing(key.split("/")[1], from, ObjectLayout.s3Uri(bucket, key), what);
        }
    }

    private static PrerequisiteMissingException missing(String fileId, Stage from, String uri, String what) {
        return new PrerequisiteMissingException("cannot replay file " + fileId + " from " + from + ": " + uri
                + " does not exist (" + what + ")");
    }
}
