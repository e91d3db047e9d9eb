package com.paysaga.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;

import com.paysaga.provision.ProvisionedStack;
import com.paysaga.security.KmsMessages;
import com.paysaga.saga.keys.PartnerKeys;
import com.paysaga.security.PgpDecryptor;
import com.paysaga.security.PgpKeyGenerator;
import com.paysaga.saga.staging.ObjectRef;
import com.paysaga.saga.staging.S3ObjectStore;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunStore;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.TestStacks;
import com.paysaga.testing.ProjectRoot;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Test partners, keys and uploads in the test stack. Partners (all pain.001 unless noted):
 * {@code pgp} (PGP), {@code signed} (PGP, signature by the generated partner key required),
 * {@code kms} (KMS envelope), {@code plain} (no encryption), {@code camt} (camt.053, none). Keys are
 * generated here; PaySaga's private key is stored only sealed under the PartnerSecretsKey.
 */
final class Fixture {

    static final List<String> ACCOUNTS = List.of("DE89370400440532013000", "NL91ABNA0417164300", "BE68539007547034",
            "CH9300762011623852957", "8004-4411-2", "800444112");

    private static Fixture instance;

    final ProvisionedStack stack;
    final S3Client s3;
    final DynamoDbClient dynamo;
    final KmsClient kms;
    final RunStore runs;
    final S3ObjectStore store;
    final PgpKeyGenerator.KeyRing paysagaKey;
    final PgpKeyGenerator.KeyRing partnerKey;
    final PgpKeyGenerator.KeyRing strangerKey;

    private Fixture(ProvisionedStack stack) throws IOException {
        this.stack = stack;
        var clients = AwsEmulator.endpoint().clients();
        this.s3 = clients.s3();
        this.dynamo = clients.dynamoDb();
        this.kms = clients.kms();
        this.runs = new RunStore(dynamo, stack.ref("RunsTable"));
        this.store = new S3ObjectStore(s3);
        PgpKeyGenerator gen = new PgpKeyGenerator();
        paysagaKey = gen.generate("PaySaga test <test@paysaga.invalid>", 2048);
        partnerKey = gen.generate("Partner test <partner@paysaga.invalid>", 2048);
        strangerKey = gen.generate("Stranger <stranger@paysaga.invalid>", 2048);
        PartnerKeys keys = new PartnerKeys(store, stack.ref("ConfigBucket"),
                new KmsMessages(kms, stack.attribute("PartnerSecretsKey", "Arn")));
        for (String p : List.of("pgp", "signed")) {
            keys.storePrivateKey(p, paysagaKey.armoredSecret());
        }
        keys.storeSigningKey("signed", partnerKey.armoredPublic());
        s3.putObject(b -> b.bucket(stack.ref("ConfigBucket")).key("profiles/partners.json"),
                RequestBody.fromString(profiles(PgpDecryptor.keyId(partnerKey.signingKey().getKeyID()))));
    }

    /** Provisions the stack once per test JVM; {@link #launcher} runs the job against it. */
    static synchronized Fixture get() throws IOException {
        if (instance == null) {
            instance = new Fixture(TestStacks.provision("batch-job"));
        }
        return instance;
    }

    JobLauncher launcher() {
        return new JobLauncher(jobEnvironment(stack));
    }

    /** The job definition's environment, until template.yaml defines the job definition itself. */
    static Map<String, String> jobEnvironment(ProvisionedStack stack) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("RUNS_TABLE", stack.ref("RunsTable"));
        env.put("TOKENS_TABLE", stack.ref("TokensTable"));
        env.put("INBOUND_BUCKET", stack.ref("InboundBucket"));
        env.put("WORK_BUCKET", stack.ref("WorkBucket"));
        env.put("STAGING_BUCKET", stack.ref("StagingBucket"));
        env.put("ARCHIVE_BUCKET", stack.ref("ArchiveBucket"));
        env.put("CONFIG_BUCKET", stack.ref("ConfigBucket"));
        env.put("DATA_KEY_ID", stack.ref("DataKey"));
        env.put("TOKEN_KEY_ID", stack.ref("TokenKey"));
        env.put("ARCHIVE_KEY_ID", stack.attribute("ArchiveKey", "Arn"));
        env.put("PARTNER_SECRETS_KEY_ID", stack.attribute("PartnerSecretsKey", "Arn"));
        return env;
    }

    private static String profiles(String signingKeyId) {
        StringBuilder json = new StringBuilder("{\"version\": 1, \"profiles\": [");
        String[][] partners = {{"pgp", "PAIN_001", "PGP", null}, {"signed", "PAIN_001", "PGP", signingKeyId},
                {"kms", "PAIN_001", "KMS", null}, {"plain", "PAIN_001", "NONE", null}, {"camt", "CAMT_053", "NONE", null}};
        for (int i = 0; i < partners.length; i++) {
            String[] p = partners[i];
            json.append(i == 0 ? "" : ",").append("{\"partner\":\"").append(p[0]).append("\",\"profileId\":\"").append(p[0])
                    .append("-test\",\"format\":\"").append(p[1]).append("\",\"paymentType\":\"TEST\",\"timeZone\":\"UTC\",")
                    .append("\"calendar\":\"EVERY_DAY\",\"cutOffWindows\":[{\"name\":\"DAILY\",\"cutOff\":\"23:00\"}],")
                    .append("\"latePolicy\":\"PROCESS_AND_FLAG_LATE\",\"jobQueue\":\"STANDARD\",\"chunkSize\":2,")
                    .append("\"loadConcurrency\":2,\"expectedEncryption\":\"").append(p[2]).append("\"")
                    .append(p[3] == null ? "" : ",\"pgpSigningKeyId\":\"" + p[3] + "\"").append("}");
        }
        return json.append("]}").toString();
    }

    static byte[] sample(String name) throws IOException {
        return Files.readAllBytes(ProjectRoot.resolve("events/files/iso20022/" + name));
    }

    /** Makes the content unique per test (an XML comment), so that every test has its own fileId. */
    static byte[] unique(byte[] xml, String tag) {
        String s = new String(xml, StandardCharsets.UTF_8);
        int afterDecl = s.indexOf("?>") + 2;
        return (s.substring(0, afterDecl) + "<!-- " + tag + " " + System.nanoTime() + " -->" + s.substring(afterDecl))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Uploads {@code body} as the partner's file and records its run as Validate would. */
    String upload(String partner, String name, byte[] body, Map<String, String> metadata) {
        String fileId = sha256(body);
        String key = "inbound/" + partner + "/" + name;
        String version = s3.putObject(b -> b.bucket(stack.ref("InboundBucket")).key(key).metadata(metadata),
                RequestBody.fromBytes(body)).versionId();
        runs.createRun(new NewRun(fileId, partner, stack.ref("InboundBucket"), key, version, body.length, fileId,
                Instant.parse("2026-03-20T10:15:30Z"), "test-exec"));
        return fileId;
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] read(String bucketRef, String key) throws IOException {
        return store.readAll(ObjectRef.of(stack.ref(bucketRef), key));
    }

    List<String> keys(String bucketRef, String prefix) throws IOException {
        return store.list(stack.ref(bucketRef), prefix);
    }

    /** Every item of a table, as text, for leak checks. */
    List<String> scan(String tableRef) {
        List<String> out = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(stack.ref(tableRef))).items()
                .forEach(item -> out.add(render(item)));
        return out;
    }

    private static String render(Map<String, AttributeValue> item) {
        return item.toString();
    }

    PGPSecretKeyRingCollection heldKeys() {
        return new PGPSecretKeyRingCollection(List.of(paysagaKey.secret()));
    }
}
