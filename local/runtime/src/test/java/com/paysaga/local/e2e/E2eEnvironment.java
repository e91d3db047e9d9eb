package com.paysaga.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.paysaga.local.runtime.LocalRuntime;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.ProjectRoot;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * One local runtime for the end-to-end tests, on a stack of their own in the test emulator:
 * starting the functions warm is the expensive part, so every test shares it.
 */
final class E2eEnvironment {

    /** Attributes that differ between any two loads by design (DESIGN.md §3: execution name, loadedAt). */
    static final List<String> PER_LOAD_ATTRIBUTES = List.of("executionName", "loadedAt");

    static final Duration RUN_TIMEOUT = Duration.ofMinutes(20);

    private static LocalRuntime runtime;

    private E2eEnvironment() {
    }

    static synchronized LocalRuntime runtime() throws IOException {
        if (runtime == null) {
            Path root = ProjectRoot.get();
            for (String artifact : List.of("functions/validate/target/function.zip", "functions/route/target/function.zip",
                    "functions/checkpoint/target/function.zip", "functions/load/target/function.zip",
                    "functions/replay/target/function.zip", "batch-container/target/quarkus-app/quarkus-run.jar",
                    "local/runtime/target/ric")) {
                assertThat(root.resolve(artifact)).as("packaged by the reactor before these tests (./mvnw verify)").exists();
            }
            String stack = "e2e" + Long.toString(ProcessHandle.current().pid(), 36);
            runtime = LocalRuntime.start(new LocalRuntime.Options(root, stack, AwsEmulator.endpoint().uri(),
                    AwsEmulator.endpoint().region(), root.resolve("local/runtime/target/e2e-state"), 2, true, Map.of()));
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::close, "e2e-runtime-stop"));
        }
        return runtime;
    }

    /** The transactions of one file, keyed by txnId, without the per-load attributes. */
    static Map<String, Map<String, AttributeValue>> transactions(LocalRuntime rt, String fileId) {
        Map<String, Map<String, AttributeValue>> out = new TreeMap<>();
        try (DynamoDbClient dynamo = rt.clients().dynamoDb()) {
            for (var item : dynamo.queryPaginator(b -> b.tableName(rt.stack().ref("TransactionsTable")).indexName("ByFile")
                    .keyConditionExpression("fileId = :f").expressionAttributeValues(Map.of(":f", AttributeValue.fromS(fileId))))
                    .items()) {
                var full = dynamo.getItem(b -> b.tableName(rt.stack().ref("TransactionsTable")).consistentRead(true)
                        .key(Map.of("txnId", item.get("txnId")))).item();
                Map<String, AttributeValue> kept = new TreeMap<>(full);
                PER_LOAD_ATTRIBUTES.forEach(kept::remove);
                out.put(full.get("txnId").s(), kept);
            }
        }
        return out;
    }

    /**
     * Forgets a file entirely (its run records, transactions, staged, decrypted and archived
     * objects, and the upload), so the same content can arrive as a new file again.
     */
    static void forget(LocalRuntime rt, String fileId, String partner, String inboundKey) {
        try (DynamoDbClient dynamo = rt.clients().dynamoDb(); S3Client s3 = rt.clients().s3()) {
            String runs = rt.stack().ref("RunsTable");
            for (var item : dynamo.queryPaginator(b -> b.tableName(runs).keyConditionExpression("pk = :p")
                    .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("FILE#" + fileId)))).items()) {
                dynamo.deleteItem(b -> b.tableName(runs).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            }
            String txns = rt.stack().ref("TransactionsTable");
            for (String txnId : transactions(rt, fileId).keySet()) {
                dynamo.deleteItem(b -> b.tableName(txns).key(Map.of("txnId", AttributeValue.fromS(txnId))));
            }
            deletePrefix(s3, rt.stack().ref("StagingBucket"), "staging/" + fileId + "/");
            deletePrefix(s3, rt.stack().ref("WorkBucket"), "work/" + fileId + "/");
            String archive = rt.stack().ref("ArchiveBucket");
            List<ObjectIdentifier> archived = new ArrayList<>();
            s3.listObjectVersionsPaginator(b -> b.bucket(archive).prefix("archive/" + partner + "/")).versions().stream()
                    .filter(v -> v.key().contains(fileId))
                    .forEach(v -> archived.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            if (!archived.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(archive).delete(d -> d.objects(archived)));
            }
            String inbound = rt.stack().ref("InboundBucket");
            List<ObjectIdentifier> uploads = new ArrayList<>();
            s3.listObjectVersionsPaginator(b -> b.bucket(inbound).prefix(inboundKey)).versions()
                    .forEach(v -> uploads.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            if (!uploads.isEmpty()) {
                s3.deleteObjects(b -> b.bucket(inbound).delete(d -> d.objects(uploads)));
            }
        }
    }

    private static void deletePrefix(S3Client s3, String bucket, String prefix) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        s3.listObjectVersionsPaginator(b -> b.bucket(bucket).prefix(prefix)).versions()
                .forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()
                .forEach(o -> ids.add(ObjectIdentifier.builder().key(o.key()).build()));
        if (!ids.isEmpty()) {
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids.stream().distinct().toList())));
        }
    }

    /** Every file under {@code dir}, for log scans. */
    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
    }
}
