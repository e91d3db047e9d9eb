package com.paysaga.functions.load;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageStatus;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.AwsEmulatorResource;
import com.paysaga.testing.ProjectRoot;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@QuarkusTestResource(value = AwsEmulatorResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "function", value = "LoadFunction"))
class LoadHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProvisionedStack stack;
    private static DynamoDbClient dynamo;
    private static RunStore runs;
    private static String fileId;

    @BeforeAll
    static void chunk() throws IOException {
        stack = AwsEmulatorResource.stack();
        dynamo = AwsEmulator.endpoint().clients().dynamoDb();
        runs = new RunStore(dynamo, stack.ref("RunsTable"));
        JsonNode e = event("chunk-1.json");
        fileId = e.path("fileId").asText();
        AwsEmulator.endpoint().clients().s3().putObject(b -> b.bucket(stack.ref("StagingBucket"))
                .key(e.path("chunk").path("key").asText()), RequestBody.fromBytes(
                        Files.readAllBytes(ProjectRoot.resolve("events/load/staging/chunk-00001.ndjson"))));
        runs.createRun(new NewRun(fileId, "acme", stack.ref("InboundBucket"), "inbound/acme/payroll.ach", "v1", 1,
                fileId, Instant.parse("2026-03-02T15:00:00Z"), "first"));
    }

    private static JsonNode event(String name) {
        try {
            return JSON.readTree(ProjectRoot.resolve("events/load/" + name).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ValidatableResponse invoke(String name) {
        return given().contentType("application/json").accept("application/json").body(event(name).toString())
                .when().post().then();
    }

    private static List<Map<String, AttributeValue>> items() {
        return dynamo.scan(b -> b.tableName(stack.ref("TransactionsTable"))).items();
    }

    @Test
    void aChunkBecomesOneItemPerTransactionAndItsCheckpointSaysSucceeded() {
        invoke("chunk-1.json").statusCode(200)
                .body("index", equalTo(1)).body("transactions", equalTo(60)).body("skipped", equalTo(false))
                .body("requests", equalTo(3));
        List<Map<String, AttributeValue>> items = items();
        assertThat(items).hasSize(60);
        Map<String, AttributeValue> first = items.stream().filter(i -> i.get("seq").n().equals("1")).findFirst().orElseThrow();
        assertThat(first.get("txnId").s()).startsWith(fileId + ":");
        assertThat(first.get("amountMinor").n()).isEqualTo("125001");
        assertThat(first.get("currency").s()).isEqualTo("USD");
        assertThat(first.get("settlementWindow").s()).isEqualTo("2026-03-02/SDA-1");
        assertThat(first.get("accountToken").s()).isEqualTo(first.get("creditorAccountToken").s()).startsWith("tok_v1_");
        assertThat(first.get("creditorAccountLast4").s()).isEqualTo("1001");
        assertThat(first.get("valueDate").s()).isEqualTo("2026-03-02");
        assertThat(first.get("attributes").m()).containsKey("transactionCode");
        assertThat(runs.chunks(fileId).get(1).status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(runs.chunks(fileId).get(1).transactions()).isEqualTo(60);
    }

    @Test
    void loadingTheSameChunkAgainOverwritesTheSameItemsWithTheSameValues() {
        invoke("chunk-1.json").statusCode(200);
        Map<String, Map<String, AttributeValue>> before = byTxnId();
        invoke("chunk-1.json").statusCode(200);
        Map<String, Map<String, AttributeValue>> after = byTxnId();
        assertThat(after).hasSize(60).containsOnlyKeys(before.keySet());
        // Only the load time may differ between two loads of the same chunk.
        after.forEach((id, item) -> assertThat(without(item, "loadedAt")).isEqualTo(without(before.get(id), "loadedAt")));
    }

    private static Map<String, Map<String, AttributeValue>> byTxnId() {
        return items().stream().collect(Collectors.toMap(i -> i.get("txnId").s(), i -> i));
    }

    private static Map<String, AttributeValue> without(Map<String, AttributeValue> item, String attribute) {
        return item.entrySet().stream().filter(e -> !e.getKey().equals(attribute))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aReplayOfOnlyFailedChunksSkipsAChunkAlreadyLoaded() {
        invoke("chunk-1.json").statusCode(200);
        invoke("chunk-1-only-failed.json").statusCode(200).body("skipped", equalTo(true)).body("requests", equalTo(0));
        assertThat(runs.chunks(fileId).get(1).execution()).isNotEqualTo(event("chunk-1-only-failed.json").path("execution").asText());
    }

    @Test
    void aChunkThatDoesNotMatchItsManifestSha256IsRefusedAndRecordedFailed() {
        invoke("chunk-1-wrong-sha256.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.ChunkIntegrityException"))
                .body("errorMessage", containsString("does not match the SHA-256 of its manifest entry"));
        assertThat(runs.chunks(fileId).get(1).error()).contains("ChunkIntegrityException");
    }

    @Test
    void aChunkWithADifferentNumberOfTransactionsThanItsManifestIsRefused() {
        invoke("chunk-1-wrong-count.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.ChunkIntegrityException"))
                .body("errorMessage", containsString("holds 60 transactions, its manifest entry says 61"));
    }

    @Test
    void aMissingChunkObjectIsNamed() {
        invoke("chunk-2-missing.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.ChunkIntegrityException"))
                .body("errorMessage", containsString("chunk-00002.ndjson does not exist"));
        assertThat(runs.chunks(fileId).get(2).status()).isEqualTo(StageStatus.FAILED);
    }

    @Test
    void aRequestWithoutChunkIsMalformed() {
        invoke("missing-chunk-field.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.MalformedEventException"));
    }
}
