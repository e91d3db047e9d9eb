package com.paysaga.saga.routing;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import com.paysaga.saga.Stage;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.ExecutionRecord;
import com.paysaga.saga.store.FileIds;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.RunView;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The Validate stage: envelope checks of an upload (key shape, known partner, file name, size,
 * emptiness, expected encryption), the content hash that is the file id, duplicate detection,
 * the run record and the lease.
 */
public class UploadValidator {

    private static final int HEAD_BYTES = 64;

    private final S3Client s3;
    private final RunStore runs;
    private final PartnerProfileLoader profiles;
    private final Duration leaseTtl;
    private final Clock clock;

    public UploadValidator(S3Client s3, RunStore runs, PartnerProfileLoader profiles, Duration leaseTtl, Clock clock) {
        this.s3 = s3;
        this.runs = runs;
        this.profiles = profiles;
        this.leaseTtl = leaseTtl;
        this.clock = clock;
    }

    /**
     * A new upload. The same content uploaded again (a different object, or the same object
     * once its run has moved on) is a DUPLICATE: recorded on the existing run, not processed.
     * The same object delivered twice before its run got anywhere (EventBridge delivers at least
     * once) continues, and the lease decides which execution works on it.
     */
    public ValidationOutcome validateNew(Upload upload, String execution) {
        Envelope env = read(upload.bucket(), upload.key(), upload.versionId());
        NewRun newRun = new NewRun(env.fileId, env.partner, upload.bucket(), upload.key(), env.versionId, env.size, env.fileId,
                upload.receivedAt() == null ? clock.instant() : upload.receivedAt(), execution);
        RunStore.Creation creation = runs.createRun(newRun);
        RunRecord run = creation.run();
        boolean redelivery = !creation.created() && newRun.sameObjectAs(run) && run.runStatus() == RunStatus.RECEIVED;
        if (!creation.created() && !redelivery) {
            runs.recordDuplicateUpload(env.fileId, upload.bucket(), upload.key(), env.versionId, newRun.receivedAt());
            runs.recordExecutionStarted(new ExecutionRecord(env.fileId, execution, "eventbridge", Stage.Validate,
                    "upload " + ObjectLayout.s3Uri(upload.bucket(), upload.key()), false, clock.instant(), clock.instant(),
                    RunStatus.DUPLICATE.name(), null, 0L));
            return new ValidationOutcome(RunView.of(run, Stage.Validate.name(), false, true), true,
                    "content already received as " + ObjectLayout.s3Uri(run.bucket(), run.key()) + " (run status "
                            + run.runStatus() + "); not processed again");
        }
        runs.acquireLease(env.fileId, execution, leaseTtl);
        runs.recordExecutionStarted(ExecutionRecord.started(env.fileId, execution, "eventbridge", Stage.Validate,
                "upload " + ObjectLayout.s3Uri(upload.bucket(), upload.key()), false, clock.instant()));
        runs.stageStarted(env.fileId, Stage.Validate, execution);
        checkAgainstProfile(env);
        return new ValidationOutcome(RunView.of(runs.getRun(env.fileId), Stage.Validate.name(), false, false), false,
                "accepted");
    }

    /** A replay from Validate: the recorded upload checked again; its content must still hash to the file id. */
    public ValidationOutcome revalidate(String fileId, String execution, boolean onlyFailedChunks) {
        RunRecord run = runs.getRun(fileId);
        Envelope env = read(run.bucket(), run.key(), run.versionId());
        if (!env.fileId.equals(fileId)) {
            throw new UploadRejectedException("the content of " + ObjectLayout.s3Uri(run.bucket(), run.key())
                    + " now hashes to " + env.fileId + ", not to file id " + fileId);
        }
        runs.acquireLease(fileId, execution, leaseTtl);
        runs.stageStarted(fileId, Stage.Validate, execution);
        checkAgainstProfile(env);
        return new ValidationOutcome(RunView.of(runs.getRun(fileId), Stage.Validate.name(), onlyFailedChunks, false),
                false, "revalidated");
    }

    /** What an upload is: enough to identify it (its content hash) and to judge it against a profile. */
    private record Envelope(String where, String fileId, String partner, String name, String versionId, long size,
            ExpectedEncryption encryption) {
    }

    /**
     * Reads and hashes the upload. Only an upload that cannot be identified is rejected here
     * (no partner segment, gone, empty, or larger than its partner accepts, which is not read):
     * every other rejection comes after the run exists, so it is recorded and can be replayed.
     */
    private Envelope read(String bucket, String key, String versionId) {
        String where = ObjectLayout.s3Uri(bucket, key);
        String partner = ObjectLayout.partnerOf(key);
        if (partner == null) {
            throw new UploadRejectedException(where + ": key must be inbound/<partner>/<file name>");
        }
        String version = versionId == null || versionId.isEmpty() ? null : versionId;
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key).versionId(version));
        } catch (NoSuchKeyException e) {
            throw new UploadRejectedException(where + (version == null ? "" : " version " + version)
                    + " does not exist (deleted after upload?)");
        }
        long size = head.contentLength();
        if (size == 0) {
            throw new UploadRejectedException(where + ": the file is empty");
        }
        profiles.load().forPartner(partner).filter(p -> size > p.maxFileBytes()).ifPresent(p -> {
            throw new UploadRejectedException(where + ": " + size + " bytes exceeds the " + p.maxFileBytes()
                    + " bytes profile " + p.profileId() + " accepts");
        });
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] first = new byte[HEAD_BYTES];
        int firstLength = 0;
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key).versionId(version))) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = ((InputStream) in).read(buffer)) > 0) {
                if (firstLength < HEAD_BYTES) {
                    int take = Math.min(n, HEAD_BYTES - firstLength);
                    System.arraycopy(buffer, 0, first, firstLength, take);
                    firstLength += take;
                }
                sha.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + where, e);
        }
        String resolvedVersion = version != null ? version : head.versionId();
        return new Envelope(where, HexFormat.of().formatHex(sha.digest()), partner, ObjectLayout.fileNameOf(key),
                resolvedVersion == null || "null".equals(resolvedVersion) ? null : resolvedVersion, size,
                EncryptionSniffer.detect(first, firstLength, head.metadata()));
    }

    /**
     * The partner's profile must exist and accept the file's name, size and encryption. A
     * rejection names the file ({@code file <fileId>: …}), so Record Failure can record it on
     * the run even though the failed Validate returned no state.
     */
    private void checkAgainstProfile(Envelope env) {
        PartnerProfile profile;
        try {
            profile = profiles.load().require(env.partner);
        } catch (UnknownPartnerException e) {
            throw new UnknownPartnerException(FileIds.mention(env.fileId) + e.getMessage(), e);
        }
        if (!profile.fileNamePattern().matcher(env.name).matches()) {
            throw rejected(env, "file name '" + env.name + "' does not match " + profile.fileNamePattern().pattern()
                    + " of profile " + profile.profileId());
        }
        if (env.size > profile.maxFileBytes()) {
            throw rejected(env, env.size + " bytes exceeds the " + profile.maxFileBytes() + " bytes profile "
                    + profile.profileId() + " accepts");
        }
        if (env.encryption != profile.expectedEncryption()) {
            throw rejected(env, "profile " + profile.profileId() + " expects " + describe(profile.expectedEncryption())
                    + ", but the file is " + describe(env.encryption));
        }
    }

    private static UploadRejectedException rejected(Envelope env, String why) {
        return new UploadRejectedException(FileIds.mention(env.fileId) + env.where + ": " + why);
    }

    private static String describe(ExpectedEncryption e) {
        return switch (e) {
            case PGP -> "OpenPGP-encrypted";
            case KMS -> "KMS envelope-encrypted (S3 Encryption Client format)";
            case NONE -> "not encrypted";
        };
    }
}
