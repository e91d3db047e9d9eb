package com.paysaga.batch;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.paysaga.saga.Stage;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.security.DynamoDbTokenVault;
import com.paysaga.security.TokenKeys;
import com.paysaga.security.Tokenization;
import com.paysaga.security.Tokenizer;
import com.paysaga.saga.staging.MissingObjectException;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.ObjectRef;
import com.paysaga.saga.staging.ObjectStore;
import com.paysaga.saga.staging.StagingJson;
import com.paysaga.saga.staging.StoredObject;
import com.paysaga.saga.staging.TransformPipeline;
import com.paysaga.saga.staging.UnknownFormatException;
import com.paysaga.saga.staging.ValidationFailedException;
import com.paysaga.saga.store.StageArtifacts;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@code transform}: {@code work/<fileId>/plaintext} → tokenized NDJSON chunks, {@code chunks.json}
 * and {@code manifest.json} in the staging bucket, the parsed count on the run; or, for an invalid
 * file, {@code validation-report.json} and exit 10. KMS: one Decrypt for the token key, at most
 * one GenerateDataKey for the vault, whatever the file's size.
 */
@ApplicationScoped
public class TransformJob {

    private final JobConfig config;
    private final ObjectStore store;
    private final DynamoDbClient dynamo;
    private final KmsClient kms;
    private final PaymentFileParsers parsers;
    private final Inputs inputs;

    public TransformJob(JobConfig config, ObjectStore store, DynamoDbClient dynamo, KmsClient kms,
            PaymentFileParsers parsers, Inputs inputs) {
        this.config = config;
        this.store = store;
        this.dynamo = dynamo;
        this.kms = kms;
        this.parsers = parsers;
        this.inputs = inputs;
    }

    public JobRunner.StageResult run(JobContext ctx) throws IOException {
        RunInputs in = inputs.load(ctx);
        String workBucket = Env.require(config.workBucket(), "WORK_BUCKET");
        String stagingBucket = Env.require(config.stagingBucket(), "STAGING_BUCKET");
        String tokensTable = Env.require(config.tokensTable(), "TOKENS_TABLE");
        String tokenKey = Env.require(config.tokenKeyId(), "TOKEN_KEY_ID");
        String dataKey = Env.require(config.dataKeyId(), "DATA_KEY_ID");
        ObjectRef plaintext = ctx.runs().findStage(ctx.fileId(), Stage.Decrypt)
                .map(s -> s.artifacts().get(StageArtifacts.PLAINTEXT)).filter(uri -> uri.startsWith("s3://"))
                .map(ObjectRef::fromUri).orElse(ObjectRef.of(workBucket, ObjectLayout.plaintextKey(ctx.fileId())));

        TransformPipeline.Request request = new TransformPipeline.Request(ctx.fileId(), in.partner(), in.fileName(),
                Optional.of(in.expectedFormat()), in.forcedFormat(), in.leniencies(), in.csvMapping(), in.chunkSize(),
                stagingBucket, Optional.of(dataKey));
        Tokenizer tokenizer = new TokenKeys(dynamo, tokensTable, kms, tokenKey, Clock.systemUTC())
                .tokenizer(config.tokenKeyVersion());
        DynamoDbTokenVault vault = new DynamoDbTokenVault(dynamo, tokensTable, kms, tokenKey, Clock.systemUTC());
        ProgressLog progress = new ProgressLog(ctx.log(), config.progressInterval());
        TransformPipeline.Outcome outcome;
        long tokens;
        try (StoredObject source = open(plaintext); Tokenization tokenization = new Tokenization(tokenizer, vault)) {
            outcome = new TransformPipeline(store, parsers, StagingJson.mapper()).run(source.body(), request, tokenization, progress);
            tokens = tokenization.tokens();
        }
        var report = outcome.report();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("format", report.format() == null ? "UNKNOWN" : report.format().name());
        summary.put("valid", report.valid());
        summary.put("transactions", report.transactions());
        summary.put("errors", report.errorCount());
        summary.put("warnings", report.warningCount());
        summary.put("bytes", outcome.bytesRead());
        ctx.log().info("parsed", summary);
        if (!outcome.valid()) {
            String uri = outcome.reportOrManifest().uri();
            String first = report.errors().isEmpty() ? "" : "; first: " + report.errors().get(0);
            if (report.format() == null) {
                throw new UnknownFormatException("the decrypted file of " + ctx.fileId() + " is not a known payment format"
                        + first + " (report: " + uri + ")", uri);
            }
            throw new ValidationFailedException(report.format() + " file " + ctx.fileId() + " failed validation with "
                    + report.errorCount() + " error(s)" + first + " (report: " + uri + ")", uri);
        }
        ctx.runs().recordParsedCount(ctx.fileId(), report.transactions());
        Map<String, String> artifacts = StageArtifacts.transformed(stagingBucket, ctx.fileId());
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("transactions", report.transactions());
        counts.put("chunks", (long) outcome.manifest().get().chunks().size());
        counts.put("tokens", tokens);
        counts.put("vaultEntriesWritten", vault.written());
        counts.put("plaintextBytes", outcome.bytesRead());
        counts.put("chunkBytes", outcome.chunkBytes());
        return new JobRunner.StageResult(artifacts, counts);
    }

    private StoredObject open(ObjectRef plaintext) throws IOException {
        try {
            return store.open(plaintext);
        } catch (MissingObjectException e) {
            throw new JobSetupException("the decrypted file " + plaintext.uri() + " does not exist: run decrypt first"
                    + " (or replay from Decrypt; work objects expire after a few days)", e);
        }
    }
}
