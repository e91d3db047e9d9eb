package com.paysaga.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;

import com.paysaga.saga.staging.InboundDecryptor;
import com.paysaga.security.KmsEnvelope;
import com.paysaga.saga.keys.PartnerKeys;
import com.paysaga.security.PgpDecryptor;
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
 * {@code decrypt}: the inbound object (by version) → {@code work/<fileId>/plaintext} in the work
 * bucket, SSE-KMS under the DataKey. The plaintext object appears only after the integrity check
 * (and the signature, where required) passed; re-running overwrites it with the same bytes.
 */
@ApplicationScoped
public class DecryptJob {

    private final JobConfig config;
    private final ObjectStore store;
    private final KmsClient kms;
    private final PgpDecryptor pgp;
    private final Inputs inputs;

    public DecryptJob(JobConfig config, ObjectStore store, KmsClient kms, PgpDecryptor pgp, Inputs inputs) {
        this.config = config;
        this.store = store;
        this.kms = kms;
        this.pgp = pgp;
        this.inputs = inputs;
    }

    public JobRunner.StageResult run(JobContext ctx) throws IOException {
        RunInputs in = inputs.load(ctx);
        String workBucket = Env.require(config.workBucket(), "WORK_BUCKET");
        String dataKey = Env.require(config.dataKeyId(), "DATA_KEY_ID");
        ObjectRef source = in.source();
        ObjectRef target = ObjectRef.of(workBucket, ObjectLayout.plaintextKey(ctx.fileId()));
        InboundDecryptor.PgpKeySource keys = new InboundDecryptor.PgpKeySource() {
            private PartnerKeys partnerKeys;

            private PartnerKeys partnerKeys() {
                if (partnerKeys == null) {
                    partnerKeys = new PartnerKeys(store, Env.require(config.configBucket(), "CONFIG_BUCKET"),
                            Beans.messages(kms, Env.require(config.partnerSecretsKeyId(), "PARTNER_SECRETS_KEY_ID")));
                }
                return partnerKeys;
            }

            @Override
            public PGPSecretKeyRingCollection privateKeys() throws IOException {
                return partnerKeys().privateKeys(in.partner());
            }

            @Override
            public Optional<PGPPublicKey> signer() throws IOException {
                Optional<String> id = in.signingKeyId();
                return id.isEmpty() ? Optional.empty() : Optional.of(partnerKeys().signingKey(in.partner(), id.get()));
            }
        };
        ProgressLog progress = new ProgressLog(ctx.log(), config.progressInterval());
        InboundDecryptor.Outcome outcome;
        String version;
        try (StoredObject object = open(source);
                ObjectWriter out = store.create(target, WriteOptions.of("application/octet-stream").withKmsKey(dataKey)
                        .withMetadata(Map.of("paysaga-file-id", ctx.fileId())))) {
            outcome = new InboundDecryptor(pgp, new KmsEnvelope(kms))
                    .decrypt(object, in.expectedEncryption(), keys, ctx.fileId(), counting(out, progress));
            version = out.commit();
        }
        Map<String, String> artifacts = new LinkedHashMap<>(StageArtifacts.decrypted(workBucket, ctx.fileId()));
        artifacts.put(StageArtifacts.SOURCE, source.versionedUri());
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("sourceBytes", outcome.sourceBytes());
        counts.put("plaintextBytes", outcome.plaintextBytes());
        ctx.log().info("decrypted", Map.of("method", outcome.method().name(), "detail", outcome.detail(),
                "plaintext", target.uri(), "plaintextVersion", String.valueOf(version)));
        return new JobRunner.StageResult(artifacts, counts);
    }

    private StoredObject open(ObjectRef source) throws IOException {
        try {
            return store.open(source);
        } catch (MissingObjectException e) {
            throw new JobSetupException("the inbound object " + source + " does not exist (expired or deleted?)", e);
        }
    }

    private static OutputStream counting(OutputStream out, ProgressLog progress) {
        return new java.io.FilterOutputStream(out) {
            private long bytes;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                bytes += len;
                progress.progress(bytes, 0, 0);
            }

            @Override
            public void close() {
            }
        };
    }
}
