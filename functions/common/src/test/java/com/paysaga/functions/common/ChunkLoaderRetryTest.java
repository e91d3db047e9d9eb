package com.paysaga.functions.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.staging.ChunkDescriptor;
import com.paysaga.saga.store.Backoff;
import com.paysaga.saga.store.ChunkLoader;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageStatus;
import com.paysaga.saga.store.UnprocessedItemsException;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.ProjectRoot;
import com.paysaga.testing.TestStacks;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Unprocessed BatchWriteItem items, which the emulator never returns: a DynamoDB client that
 * throttles (holds back part of each request) in front of the real one.
 */
class ChunkLoaderRetryTest {

    private static ProvisionedStack stack;
    private static DynamoDbClient real;
    private static S3Client s3;
    private static JsonNode event;

    @BeforeAll
    static void stack() throws Exception {
        stack = TestStacks.provision("load-retry");
        real = AwsEmulator.endpoint().clients().dynamoDb();
        s3 = AwsEmulator.endpoint().clients().s3();
        event = new ObjectMapper().readTree(ProjectRoot.resolve("events/load/chunk-1.json").toFile());
        String fileId = event.path("fileId").asText();
        s3.putObject(b -> b.bucket(stack.ref("StagingBucket")).key(event.path("chunk").path("key").asText()),
                RequestBody.fromBytes(Files.readAllBytes(ProjectRoot.resolve("events/load/staging/chunk-00001.ndjson"))));
        new RunStore(real, stack.ref("RunsTable")).createRun(new NewRun(fileId, "acme", "b", "inbound/acme/x.ach", null,
                1, fileId, Instant.parse("2026-03-02T15:00:00Z"), "e"));
    }

    /** Holds back the last {@code heldBack} items of each of the first {@code throttledCalls} calls. */
    private static DynamoDbClient throttling(int throttledCalls, int heldBack, AtomicInteger calls) {
        return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("batchWriteItem") && args[0] instanceof BatchWriteItemRequest r) {
                        int n = calls.incrementAndGet();
                        if (n <= throttledCalls) {
                            String table = r.requestItems().keySet().iterator().next();
                            List<WriteRequest> all = r.requestItems().get(table);
                            int keep = Math.max(0, all.size() - heldBack);
                            real.batchWriteItem(b -> b.requestItems(Map.of(table, all.subList(0, keep))));
                            return BatchWriteItemResponse.builder()
                                    .unprocessedItems(Map.of(table, new ArrayList<>(all.subList(keep, all.size())))).build();
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private ChunkLoader loader(DynamoDbClient dynamo, List<Duration> sleeps, int maxAttempts) {
        return new ChunkLoader(s3, dynamo, new RunStore(real, stack.ref("RunsTable")), stack.ref("StagingBucket"),
                stack.ref("TransactionsTable"), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), maxAttempts),
                sleeps::add, java.time.Clock.systemUTC());
    }

    private static ChunkLoader.LoadRequest request() {
        JsonNode c = event.path("chunk");
        return new ChunkLoader.LoadRequest(event.path("fileId").asText(), new ChunkDescriptor(c.path("index").asInt(),
                c.path("key").asText(), c.path("transactions").asLong(), c.path("sha256").asText()),
                "exec-retry", false, "2026-03-02/SDA-1", false);
    }

    @Test
    void unprocessedItemsAreRetriedWithGrowingJitteredBackoffUntilAllAreWritten() {
        AtomicInteger calls = new AtomicInteger();
        List<Duration> sleeps = new ArrayList<>();
        ChunkLoader.LoadResult result = loader(throttling(3, 10, calls), sleeps, 10).load(request());
        assertThat(result.transactions()).isEqualTo(60);
        // 60 items = 3 batches; the first batch is held back on the first three calls, then written.
        assertThat(result.retries()).isEqualTo(3);
        assertThat(result.requests()).isEqualTo(6);
        assertThat(sleeps).hasSize(3).allSatisfy(d -> assertThat(d).isBetween(Duration.ZERO, Duration.ofMillis(800)));
        assertThat(real.scan(b -> b.tableName(stack.ref("TransactionsTable"))).count()).isEqualTo(60);
    }

    @Test
    void itemsStillUnprocessedAfterTheLastAttemptFailTheChunk() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> loader(throttling(100, 5, calls), new ArrayList<>(), 4).load(request()))
                .isInstanceOf(UnprocessedItemsException.class)
                .hasMessageContaining("5 items still unprocessed after 4 BatchWriteItem attempts");
        assertThat(new RunStore(real, stack.ref("RunsTable")).chunks(event.path("fileId").asText()).get(1).status())
                .isEqualTo(StageStatus.FAILED);
    }

    @Test
    void fullJitterStaysBelowTheExponentialCeilingAndTheCap() {
        Backoff b = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10);
        assertThat(b.delay(0, () -> 0.999)).isLessThan(Duration.ofMillis(50));
        assertThat(b.delay(3, () -> 0.5)).isEqualTo(Duration.ofMillis(200));
        assertThat(b.delay(20, () -> 0.999)).isLessThan(Duration.ofSeconds(5));
        assertThat(b.delay(5, () -> 0.0)).isEqualTo(Duration.ZERO);
    }
}
