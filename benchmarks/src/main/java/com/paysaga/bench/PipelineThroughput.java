package com.paysaga.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.local.lambda.FunctionSpec;
import com.paysaga.local.lambda.LocalLambdaFunction;
import com.paysaga.local.runtime.Ingestion;
import com.paysaga.local.runtime.LocalRuntime;
import com.paysaga.local.runtime.PartnerConfig;
import com.paysaga.saga.Stage;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageRecord;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The local runtime's figures (issue 7), measured in one run against the emulator at
 * {@code AWS_ENDPOINT_URL}:
 * <ol>
 * <li>the emulator's own BatchWriteItem rate (items/s, 25-item batches, {@link #WRITERS} writers): the ceiling
 * for any load through it;</li>
 * <li>end to end: a generated N-transaction ACH file from upload to COMPLETED, and its Load
 * stage alone, in transactions per second;</li>
 * <li>the Runtime API path's per-invocation overhead (a minimal custom runtime, so the function
 * itself costs next to nothing);</li>
 * <li>the runner's peak resident memory (VmHWM).</li>
 * </ol>
 * {@code java -cp benchmarks/target/benchmarks.jar com.paysaga.bench.PipelineThroughput [transactions]}
 * from the checkout root, after {@code ./mvnw install -DskipTests} and with the emulator started.
 */
public final class PipelineThroughput {

    /**
     * Concurrent writers everywhere: the ceiling's threads, the Load Map's concurrency, and the
     * Load function's warm processes, so the pipeline gets the parallelism its ceiling had.
     */
    private static final int WRITERS = 8;

    private PipelineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        long transactions = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Path root = Path.of(System.getenv().getOrDefault("PAYSAGA_ROOT", ".")).toAbsolutePath().normalize();
        URI endpoint = URI.create(System.getenv("AWS_ENDPOINT_URL"));
        String stack = "bench" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        PrintWriter out = new PrintWriter(System.out, true);
        try (LocalRuntime rt = LocalRuntime.start(new LocalRuntime.Options(root, stack, endpoint, "us-east-1",
                root.resolve(".paysaga/runtime").resolve(stack), WRITERS, true, Map.of(), LocalRuntime.JobJit.FULL))) {
            double ceiling = rawBatchWriteRate(rt, 20_000, n -> Map.of(
                    "txnId", AttributeValue.fromS("ceiling:" + n), "fileId", AttributeValue.fromS("ceiling"),
                    "seq", AttributeValue.fromN(Long.toString(n)), "amountMinor", AttributeValue.fromN("100"),
                    "currency", AttributeValue.fromS("USD")));
            out.printf("emulator BatchWriteItem ceiling, 5-attribute items: %.0f items/s%n", ceiling);

            ObjectNode profile = PartnerConfig.onTime("bench-ach", "NACHA");
            profile.put("chunkSize", 2000);
            profile.put("loadConcurrency", WRITERS);
            PartnerConfig.writeProfiles(rt, List.of(profile));
            byte[] file = NachaGenerator.bytes(transactions, true);
            Instant t0 = Instant.now();
            var outcome = Ingestion.run(rt, List.of(Ingestion.Upload.of("bench.ach", "bench-ach", "bench.ach", file)),
                    new PrintWriter(System.err, true), Duration.ofHours(2)).get(0);
            double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            long loaded = outcome.loaded();
            out.printf("end to end: %s, %d transactions (%.1f MB) in %.1f s = %.0f txn/s (%.2f of the 5-attribute ceiling)%n",
                    outcome.status(), loaded, file.length / 1e6, seconds, loaded / seconds, loaded / seconds / ceiling);
            try (DynamoDbClient dynamo = rt.clients().dynamoDb()) {
                RunStore runs = new RunStore(dynamo, rt.stack().ref("RunsTable"));
                for (Stage stage : List.of(Stage.Validate, Stage.Route, Stage.Decrypt, Stage.Transform, Stage.Archive,
                        Stage.Load, Stage.Finalize)) {
                    runs.findStage(outcome.upload().fileId(), stage).ifPresent(r -> out.printf("  %-9s %7.1f s%n", stage,
                            Duration.between(r.startedAt(), r.endedAt()).toMillis() / 1000.0));
                }
                StageRecord load = runs.findStage(outcome.upload().fileId(), Stage.Load).orElseThrow();
                // The same ceiling with the items Load wrote (every attribute, the GSI keys): copies
                // under new keys of 1,000 loaded items, so item size and shape match the pipeline's.
                List<Map<String, AttributeValue>> shapes = dynamo.scan(b -> b.tableName(rt.stack().ref("TransactionsTable"))
                        .limit(1000)).items();
                double shaped = rawBatchWriteRate(rt, 20_000, n -> {
                    Map<String, AttributeValue> item = new java.util.HashMap<>(shapes.get((int) (n % shapes.size())));
                    item.put("txnId", AttributeValue.fromS("ceiling-shaped:" + n));
                    return item;
                });
                out.printf("emulator BatchWriteItem ceiling, items as loaded (%d attributes): %.0f items/s%n",
                        shapes.get(0).size(), shaped);
                ceiling = shaped;
                double loadSeconds = Duration.between(load.startedAt(), load.endedAt()).toMillis() / 1000.0;
                out.printf("Load stage alone: %.1f s = %.0f txn/s (%.2f of the as-loaded ceiling)%n", loadSeconds,
                        loaded / loadSeconds, loaded / loadSeconds / ceiling);
            }
        }
        out.printf("Runtime API path: %.2f ms per invocation (mean of 500, warm)%n", runtimeApiOverheadMillis(root));
        out.printf("runner peak resident memory (VmHWM): %s%n", peakRss());
    }

    private static double rawBatchWriteRate(LocalRuntime rt, int items,
            java.util.function.LongFunction<Map<String, AttributeValue>> itemFor) throws Exception {
        String table = rt.stack().ref("TransactionsTable");
        AtomicLong seq = new AtomicLong();
        Instant t0 = Instant.now();
        try (DynamoDbClient dynamo = rt.clients().dynamoDb(); var pool = Executors.newFixedThreadPool(WRITERS)) {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                work.add(pool.submit(() -> {
                    while (true) {
                        List<WriteRequest> batch = new ArrayList<>();
                        for (int i = 0; i < 25; i++) {
                            long n = seq.incrementAndGet();
                            if (n > items) {
                                break;
                            }
                            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(itemFor.apply(n)).build()).build());
                        }
                        if (batch.isEmpty()) {
                            return null;
                        }
                        var unprocessed = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, batch))).unprocessedItems();
                        if (!unprocessed.isEmpty()) {
                            throw new IllegalStateException("the emulator left items unprocessed");
                        }
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        return items / (Duration.between(t0, Instant.now()).toMillis() / 1000.0);
    }

    private static double runtimeApiOverheadMillis(Path root) throws Exception {
        Path script = Files.createTempFile("echo-runtime", ".py");
        Files.writeString(script, """
                import os, urllib.request
                api = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime/invocation/"
                while True:
                    with urllib.request.urlopen(api + "next") as r:
                        rid = r.headers["Lambda-Runtime-Aws-Request-Id"]; body = r.read()
                    urllib.request.urlopen(urllib.request.Request(api + rid + "/response", data=body, method="POST")).read()
                """, StandardCharsets.UTF_8);
        try (LocalLambdaFunction fn = new LocalLambdaFunction(new FunctionSpec("echo", "arn:aws:lambda:us-east-1:123456789012:function:echo",
                List.of("python3", "-u", script.toString()), root, Map.of("PATH", System.getenv("PATH")), 128,
                Duration.ofSeconds(10), 1, Files.createTempFile("echo", ".log")))) {
            byte[] event = "{\"ping\":1}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                fn.invoke(event);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < 500; i++) {
                fn.invoke(event);
            }
            return (System.nanoTime() - t0) / 500 / 1e6;
        }
    }

    private static String peakRss() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return line.substring(6).trim();
            }
        }
        return "unknown";
    }
}
