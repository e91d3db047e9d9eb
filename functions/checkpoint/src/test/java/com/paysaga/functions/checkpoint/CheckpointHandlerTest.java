package com.paysaga.functions.checkpoint;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.saga.Stage;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.staging.ChunkDescriptor;
import com.paysaga.saga.staging.Manifest;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.staging.StagingJson;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageRecord;
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
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Every test starts from a fresh run of the sample file id (its items deleted), in the state the
 * sample events assume: validated by the sample execution, which holds the lease.
 */
@QuarkusTest
@QuarkusTestResource(value = AwsEmulatorResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "function", value = "CheckpointFunction"))
class CheckpointHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXEC = "7b3b7a64-1c0e-4c59-9d55-1a8f3e9b7c01";

    private ProvisionedStack stack;
    private DynamoDbClient dynamo;
    private S3Client s3;
    private RunStore runs;
    private String fileId;

    @BeforeEach
    void freshRun() {
        stack = AwsEmulatorResource.stack();
        dynamo = AwsEmulator.endpoint().clients().dynamoDb();
        s3 = AwsEmulator.endpoint().clients().s3();
        runs = new RunStore(dynamo, stack.ref("RunsTable"));
        fileId = event("finalize.json").path("fileId").asText();
        for (Map<String, AttributeValue> item : dynamo.query(b -> b.tableName(stack.ref("RunsTable"))
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(RunStore.pk(fileId))))).items()) {
            dynamo.deleteItem(b -> b.tableName(stack.ref("RunsTable")).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
        }
        for (String key : List.of(ObjectLayout.manifestKey(fileId), ObjectLayout.chunkListKey(fileId))) {
            s3.deleteObject(b -> b.bucket(stack.ref("StagingBucket")).key(key));
        }
        s3.putObject(b -> b.bucket(stack.ref("InboundBucket")).key("inbound/acme/payroll-0302.ach"), RequestBody.fromString("x"));
        runs.createRun(new NewRun(fileId, "acme", stack.ref("InboundBucket"), "inbound/acme/payroll-0302.ach", null, 1,
                fileId, Instant.parse("2026-03-02T15:00:00Z"), EXEC));
        runs.acquireLease(fileId, EXEC, Duration.ofHours(120));
    }

    private static ObjectNode event(String name) {
        try {
            return (ObjectNode) JSON.readTree(ProjectRoot.resolve("events/checkpoint/" + name).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ValidatableResponse invoke(JsonNode event) {
        return given().contentType("application/json").accept("application/json").body(event.toString())
                .when().post().then();
    }

    /** Transform's output as the Batch job leaves it: manifest and chunk list for two chunks. */
    private void transformed(long first, long second) throws IOException {
        List<ChunkDescriptor> chunks = List.of(new ChunkDescriptor(1, ObjectLayout.chunkKey(fileId, 1), first, "a"),
                new ChunkDescriptor(2, ObjectLayout.chunkKey(fileId, 2), second, "b"));
        Manifest m = new Manifest(fileId, "NACHA", "acme", 1000, first + second, "v1",
                Map.of("USD", new Manifest.Totals(0, 4200)), chunks);
        ObjectMapper staging = StagingJson.mapper();
        s3.putObject(b -> b.bucket(stack.ref("StagingBucket")).key(ObjectLayout.manifestKey(fileId)),
                RequestBody.fromBytes(staging.writeValueAsBytes(m)));
        s3.putObject(b -> b.bucket(stack.ref("StagingBucket")).key(ObjectLayout.chunkListKey(fileId)),
                RequestBody.fromBytes(staging.writeValueAsBytes(chunks)));
    }

    private void routed() {
        runs.stageStarted(fileId, Stage.Route, EXEC);
        runs.recordRoute(fileId, Map.of("jobQueue", "arn:q", "chunkSize", 1000, "window", "SDA-1"), "NACHA", "acme-same-day-ach");
        runs.stageSucceeded(fileId, Stage.Route, EXEC, Map.of(), Map.of());
    }

    @Test
    void aStageCheckpointRecordsSuccessWithItsTiming() {
        runs.stageStarted(fileId, Stage.Validate, EXEC);
        invoke(event("stage-succeeded-validate.json")).statusCode(200)
                .body("stage", equalTo("Validate")).body("status", equalTo("SUCCEEDED"));
        StageRecord r = runs.findStage(fileId, Stage.Validate).orElseThrow();
        assertThat(r.status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(r.durationMs()).isNotNull().isGreaterThanOrEqualTo(0L);
        assertThat(r.endedAt()).isAfterOrEqualTo(r.startedAt());
        assertThat(r.execution()).isEqualTo(EXEC);
    }

    @Test
    void theTransformCheckpointKeepsTheBatchJobsArtifactsAndRecordsTheParsedCount() throws IOException {
        transformed(1000, 200);
        runs.stageStarted(fileId, Stage.Transform, EXEC);
        runs.stageSucceeded(fileId, Stage.Transform, EXEC, Map.of("validationReport", "s3://x/report.json"), Map.of());
        invoke(event("stage-succeeded-transform.json")).statusCode(200).body("status", equalTo("SUCCEEDED"));
        StageRecord r = runs.findStage(fileId, Stage.Transform).orElseThrow();
        assertThat(r.artifacts()).containsKeys("validationReport", "manifest", "chunks");
        assertThat(r.counts()).containsEntry("transactions", 1200L).containsEntry("chunks", 2L);
        assertThat(runs.getRun(fileId).transactionsParsed()).isEqualTo(1200L);
    }

    @Test
    void theTransformCheckpointWithoutManifestNamesTheMissingObject() {
        invoke(event("stage-succeeded-transform.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.replay.PrerequisiteMissingException"))
                .body("errorMessage", containsString(ObjectLayout.manifestKey(fileId) + ", which does not exist"));
    }

    @Test
    void anUnknownStageIsMalformed() {
        invoke(event("stage-succeeded-unknown-stage.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.MalformedEventException"))
                .body("errorMessage", containsString("unknown stage 'Parse'"));
    }

    @Test
    void startLoadSaysWhereTheChunkListIsAndRecordsTheStart() throws IOException {
        transformed(1000, 200);
        invoke(event("start-load.json")).statusCode(200)
                .body("chunkListBucket", equalTo(stack.ref("StagingBucket")))
                .body("chunkListKey", equalTo(ObjectLayout.chunkListKey(fileId)))
                .body("chunks", equalTo(2)).body("transactions", equalTo(1200));
        assertThat(runs.findStage(fileId, Stage.Load).get().status()).isEqualTo(StageStatus.RUNNING);
    }

    @Test
    void aLambdaFailureIsRecordedWithTheMessageFromItsJsonCauseAndReleasesTheLease() {
        runs.stageStarted(fileId, Stage.Route, EXEC);
        invoke(event("record-failure-lambda-error.json")).statusCode(200)
                .body("recorded", equalTo(true))
                .body("stage", equalTo("Route"))
                .body("runStatus", equalTo("REJECTED"))
                .body("cause", containsString("UnknownPartnerException: no partner profile for 'acme'"));
        RunRecord run = runs.getRun(fileId);
        assertThat(run.runStatus()).isEqualTo(RunStatus.REJECTED);
        assertThat(run.lastError().stage()).isEqualTo("Route");
        assertThat(run.lease()).isEmpty();
        StageRecord route = runs.findStage(fileId, Stage.Route).orElseThrow();
        assertThat(route.status()).isEqualTo(StageStatus.FAILED);
        assertThat(route.error()).isEqualTo("com.paysaga.saga.routing.UnknownPartnerException");
        assertThat(runs.findExecution(fileId, EXEC).get().outcome()).isEqualTo("REJECTED");
    }

    @Test
    void aBatchJobThatRejectedItsInputFailsTheStageNamedInTheBranchCause() {
        invoke(event("record-failure-batch-rejected.json")).statusCode(200)
                .body("stage", equalTo("Transform"))
                .body("error", equalTo("States.TaskFailed"))
                .body("runStatus", equalTo("REJECTED"))
                .body("cause", containsString("exit code 10 (input rejected)"));
        assertThat(runs.findStage(fileId, Stage.Transform).get().cause()).contains("-transform");
    }

    @Test
    void theBatchCommandsOwnAccountOfItsFailureIsKept() {
        runs.stageStarted(fileId, Stage.Transform, EXEC);
        runs.stageFailed(fileId, Stage.Transform, EXEC, "ValidationFailedException", "batch header 2: bad SEC code",
                RunStatus.REJECTED);
        invoke(event("record-failure-batch-rejected.json")).statusCode(200)
                .body("error", equalTo("ValidationFailedException"))
                .body("cause", equalTo("batch header 2: bad SEC code"))
                .body("runStatus", equalTo("REJECTED"));
        assertThat(runs.findStage(fileId, Stage.Transform).get().error()).isEqualTo("ValidationFailedException");
        assertThat(runs.getRun(fileId).lease()).isEmpty();
    }

    @Test
    void anExecutionThatNeverHeldTheLeaseLeavesTheRunAsItIs() {
        invoke(event("record-failure-lease-refused.json")).statusCode(200)
                .body("recorded", equalTo(false))
                .body("message", containsString("without holding the lease"));
        RunRecord run = runs.getRun(fileId);
        assertThat(run.runStatus()).isEqualTo(RunStatus.RECEIVED);
        assertThat(run.lease().get().holder()).isEqualTo(EXEC);
    }

    @Test
    void aFailureBeforeTheFileWasKnownIsReportedWithoutRecord() {
        invoke(event("record-failure-before-file-known.json")).statusCode(200)
                .body("recorded", equalTo(false)).body("fileId", nullValue())
                .body("message", containsString("failure before the file was identified"));
    }

    @Test
    void aRejectedUploadIsRecordedOnTheRunItsErrorNames() {
        ObjectNode e = event("record-failure-rejected-upload.json");
        String execution = e.path("execution").asText();
        runs.releaseLease(fileId, EXEC);
        runs.acquireLease(fileId, execution, Duration.ofHours(120));
        invoke(e).statusCode(200).body("recorded", equalTo(true)).body("fileId", equalTo(fileId))
                .body("runStatus", equalTo("REJECTED"));
        RunRecord run = runs.getRun(fileId);
        assertThat(run.runStatus()).isEqualTo(RunStatus.REJECTED);
        assertThat(run.lastError().stage()).isEqualTo("Validate");
        assertThat(run.lastError().error()).isEqualTo("com.paysaga.saga.routing.UnknownPartnerException");
        assertThat(run.lease()).isEmpty();
    }

    @Test
    void loadCheckpointRestoresTheRunRouteAndPlanForAReplayFromTransform() {
        routed();
        runs.stageSucceeded(fileId, Stage.Decrypt, EXEC, Map.of("plaintext", "s3://w/p"), Map.of());
        runs.stageSucceeded(fileId, Stage.Archive, EXEC, Map.of(), Map.of());
        s3.putObject(b -> b.bucket(stack.ref("WorkBucket")).key(ObjectLayout.plaintextKey(fileId)), RequestBody.fromString("p"));
        runs.releaseLease(fileId, EXEC);
        ObjectNode e = event("load-checkpoint-transform.json");
        invoke(e).statusCode(200)
                .body("resumeAt", equalTo("Transform"))
                .body("run.fileId", equalTo(fileId))
                .body("run.versionId", equalTo(""))
                .body("run.fromStage", equalTo("Transform"))
                .body("route.window", equalTo("SDA-1"))
                .body("plan.runDecrypt", equalTo(false))
                .body("plan.runTransform", equalTo(true))
                .body("plan.runArchive", equalTo(false))
                .body("artifacts.'Decrypt.plaintext'", equalTo("s3://w/p"));
        String execution = e.path("execution").asText();
        assertThat(runs.getRun(fileId).lease().get().holder()).isEqualTo(execution);
        assertThat(runs.findExecution(fileId, execution).get().startedBy()).isEqualTo("ops@example.com");
    }

    @Test
    void aReplayFromArchiveKeepsTransformsOutputWhereItIsComplete() throws IOException {
        routed();
        runs.stageSucceeded(fileId, Stage.Decrypt, EXEC, Map.of(), Map.of());
        runs.stageSucceeded(fileId, Stage.Transform, EXEC, Map.of(), Map.of());
        transformed(10, 5);
        runs.releaseLease(fileId, EXEC);
        invoke(event("load-checkpoint-archive.json")).statusCode(200).body("resumeAt", equalTo("Archive"))
                .body("plan.runDecrypt", equalTo(false)).body("plan.runTransform", equalTo(false))
                .body("plan.runArchive", equalTo(true));
    }

    @Test
    void aReplayFromArchiveAlsoRunsTheSiblingBranchThatAFailedArchiveCancelled() {
        routed();
        runs.stageSucceeded(fileId, Stage.Decrypt, EXEC, Map.of(), Map.of());
        s3.putObject(b -> b.bucket(stack.ref("WorkBucket")).key(ObjectLayout.plaintextKey(fileId)), RequestBody.fromString("p"));
        runs.releaseLease(fileId, EXEC);
        invoke(event("load-checkpoint-archive.json")).statusCode(200)
                .body("plan.runDecrypt", equalTo(false)).body("plan.runTransform", equalTo(true))
                .body("plan.runArchive", equalTo(true));

        // Without the plaintext the branch starts over at Decrypt.
        s3.deleteObject(b -> b.bucket(stack.ref("WorkBucket")).key(ObjectLayout.plaintextKey(fileId)));
        runs.releaseLease(fileId, event("load-checkpoint-archive.json").path("execution").asText());
        invoke(event("load-checkpoint-archive.json")).statusCode(200)
                .body("plan.runDecrypt", equalTo(true)).body("plan.runTransform", equalTo(true));
    }

    @Test
    void loadCheckpointRefusesAReplayWhosePrerequisiteIsMissing() {
        routed();
        runs.releaseLease(fileId, EXEC);
        invoke(event("load-checkpoint-transform.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.replay.PrerequisiteMissingException"))
                .body("errorMessage", containsString("stage Decrypt has never run; replay from Decrypt or earlier"));
        assertThat(runs.getRun(fileId).lease()).isEmpty();
    }

    @Test
    void loadCheckpointRefusesWhileAnotherExecutionHoldsTheLease() {
        routed();
        runs.stageSucceeded(fileId, Stage.Decrypt, EXEC, Map.of(), Map.of());
        s3.putObject(b -> b.bucket(stack.ref("WorkBucket")).key(ObjectLayout.plaintextKey(fileId)), RequestBody.fromString("p"));
        invoke(event("load-checkpoint-transform.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.LeaseHeldException"))
                .body("errorMessage", containsString("being processed by execution " + EXEC));
    }

    @Test
    void loadCheckpointRefusesAnUnknownStage() {
        invoke(event("load-checkpoint-invalid-stage.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.replay.InvalidReplayRequestException"))
                .body("errorMessage", containsString("unknown stage 'Parse'"));
    }

    @Test
    void finalizeCompletesTheRunWhenEveryChunkIsLoaded() throws IOException {
        transformed(1000, 200);
        runs.chunkSucceeded(fileId, 1, 1000, EXEC);
        runs.chunkSucceeded(fileId, 2, 200, EXEC);
        invoke(event("finalize.json")).statusCode(200)
                .body("transactionsParsed", equalTo(1200)).body("transactionsLoaded", equalTo(1200))
                .body("runStatus", equalTo("COMPLETED"));
        RunRecord run = runs.getRun(fileId);
        assertThat(run.runStatus()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.transactionsLoaded()).isEqualTo(1200L);
        assertThat(run.lease()).isEmpty();
        assertThat(runs.findStage(fileId, Stage.Finalize).get().status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(runs.findExecution(fileId, EXEC).get().outcome()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aCompletionThatCannotBeToldLeavesTheRunToItsLeaseHolderForRecordFailure() throws IOException {
        transformed(1000, 200);
        runs.chunkSucceeded(fileId, 1, 1000, EXEC);
        runs.chunkSucceeded(fileId, 2, 200, EXEC);
        String topicArn = stack.ref("NotificationsTopic");
        try (SnsClient sns = AwsEmulator.endpoint().clients().sns()) {
            sns.deleteTopic(b -> b.topicArn(topicArn));
            try {
                invoke(event("finalize.json")).statusCode(500).body("errorType", containsString("NotFound"));
            } finally {
                sns.createTopic(b -> b.name(topicArn.substring(topicArn.lastIndexOf(':') + 1)));
            }
        }
        RunRecord run = runs.getRun(fileId);
        assertThat(run.runStatus()).isNotEqualTo(RunStatus.COMPLETED);
        assertThat(run.lease()).map(l -> l.holder()).contains(EXEC);

        // The Catch that follows: as the holder, Record Failure can still end the run.
        invoke(event("record-failure-lambda-error.json")).statusCode(200);
        assertThat(runs.getRun(fileId).runStatus()).isIn(RunStatus.FAILED, RunStatus.REJECTED);
        assertThat(runs.getRun(fileId).lease()).isEmpty();
    }

    @Test
    void finalizeFailsWhenLoadedDiffersFromParsed() throws IOException {
        transformed(1000, 200);
        runs.chunkSucceeded(fileId, 1, 1000, EXEC);
        runs.chunkFailed(fileId, 2, EXEC, "throttled");
        invoke(event("finalize.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.LoadIncompleteException"))
                .body("errorMessage", containsString("loaded 1000 of 1200 parsed transactions; chunks not loaded: [2]"));
        assertThat(runs.getRun(fileId).runStatus()).isNotEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void anUnknownActionIsMalformed() {
        invoke(event("unknown-action.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.MalformedEventException"))
                .body("errorMessage", containsString("unknown checkpoint action 'archive'"));
    }
}
