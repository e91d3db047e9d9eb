package com.paysaga.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.paysaga.saga.staging.Archiver;
import com.paysaga.security.KmsMessages;
import com.paysaga.saga.staging.MissingObjectException;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.ObjectRef;
import com.paysaga.saga.staging.ObjectStore;
import com.paysaga.saga.staging.ObjectWriter;
import com.paysaga.saga.staging.StoredObject;
import com.paysaga.saga.staging.WriteOptions;
import com.paysaga.saga.store.StageArtifacts;

import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code archive}: the inbound object as received → {@code archive/<partner>/<yyyy>/<mm>/<dd>/<fileId>},
 * an AWS Encryption SDK message under a fresh ArchiveKey data key (docs/archive-format.md).
 * Idempotent: an archive object that already holds this file (metadata {@code paysaga-sha256} =
 * fileId) is kept, not re-encrypted, so a re-run adds no version to the versioned bucket.
 */
@ApplicationScoped
public class ArchiveJob {

    static final String FORMAT = "aws-encryption-sdk/" + KmsMessages.SUITE.name();

    private final JobConfig config;
    private final ObjectStore store;
    private final KmsClient kms;
    private final Inputs inputs;

    public ArchiveJob(JobConfig config, ObjectStore store, KmsClient kms, Inputs inputs) {
        this.config = config;
        this.store = store;
        this.kms = kms;
        this.inputs = inputs;
    }

    public JobRunner.StageResult run(JobContext ctx) throws IOException {
        RunInputs in = inputs.load(ctx);
        String archiveBucket = Env.require(config.archiveBucket(), "ARCHIVE_BUCKET");
        String archiveKey = Env.require(config.archiveKeyId(), "ARCHIVE_KEY_ID");
        ObjectRef source = in.source();
        Instant received = in.run().receivedAt() == null ? Instant.now() : in.run().receivedAt();
        ObjectRef target = ObjectRef.of(archiveBucket, ObjectLayout.archiveKey(in.partner(), received, ctx.fileId()));
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put(StageArtifacts.ARCHIVE, target.uri());
        Map<String, Long> counts = new LinkedHashMap<>();

        Optional<ObjectStore.Head> existing = store.head(target);
        if (existing.isPresent() && ctx.fileId().equals(existing.get().metadata().get("paysaga-sha256"))) {
            counts.put("archivedBytes", existing.get().size());
            counts.put("reused", 1L);
            ctx.log().info("already-archived", Map.of("archive", target.uri()));
            return new JobRunner.StageResult(artifacts, counts);
        }

        KmsMessages messages = Beans.messages(kms, archiveKey);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("paysaga-sha256", ctx.fileId());
        metadata.put("paysaga-partner", in.partner());
        metadata.put("paysaga-source", source.uri());
        if (source.versionId() != null) {
            metadata.put("paysaga-source-version", source.versionId());
        }
        metadata.put("paysaga-received-at", received.toString());
        metadata.put("paysaga-format", FORMAT);
        metadata.put("paysaga-kms-key", messages.keyArn());
        Archiver.Outcome outcome;
        try (StoredObject original = open(source);
                ObjectWriter out = store.create(target, WriteOptions.of("application/octet-stream")
                        .withKmsKey(messages.keyArn()).withMetadata(metadata))) {
            outcome = new Archiver(messages).archive(original, ctx.fileId(), in.partner(), out);
            counts.put("archivedBytes", out.written());
            out.commit();
        }
        counts.put("originalBytes", outcome.originalBytes());
        counts.put("reused", 0L);
        return new JobRunner.StageResult(artifacts, counts);
    }

    private StoredObject open(ObjectRef source) throws IOException {
        try {
            return store.open(source);
        } catch (MissingObjectException e) {
            throw new JobSetupException("the inbound object " + source + " does not exist (expired or deleted?)", e);
        }
    }
}
