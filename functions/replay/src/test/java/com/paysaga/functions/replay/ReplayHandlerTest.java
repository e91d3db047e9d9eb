package com.paysaga.functions.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.saga.Stage;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.AwsEmulatorResource;
import com.paysaga.testing.ProjectRoot;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Step Functions and Batch are the emulator's: the test creates the state machine and the job
 * queues the template names, which the provisioner leaves to the local runtime.
 */
@QuarkusTest
@QuarkusTestResource(value = AwsEmulatorResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "function", value = "ReplayFunction"))
class ReplayHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TTL = Duration.ofHours(120);
    private static ProvisionedStack stack;
    private static RunStore runs;
    private static S3Client s3;
    private static SfnClient sfn;
    private static String stateMachineArn;

    @BeforeAll
    static void emulatedServices() {
        stack = AwsEmulatorResource.stack();
        var clients = AwsEmulator.endpoint().clients();
        runs = new RunStore(clients.dynamoDb(), stack.ref("RunsTable"));
        s3 = clients.s3();
        sfn = clients.configure(SfnClient.builder()).build();
        String role;
        try (IamClient iam = clients.configure(IamClient.builder()).region(software.amazon.awssdk.regions.Region.AWS_GLOBAL).build()) {
            role = iam.createRole(b -> b.roleName(stack.stackName() + "-role").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                            + "\"states.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")).role().arn();
        }
        stateMachineArn = sfn.createStateMachine(b -> b.name(stack.attribute("IngestStateMachine", "Name")).roleArn(role)
                .definition("{\"StartAt\":\"Wait\",\"States\":{\"Wait\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}"))
                .stateMachineArn();
        assertThat(stateMachineArn).isEqualTo(stack.ref("IngestStateMachine"));
        try (BatchClient batch = clients.configure(BatchClient.builder()).build()) {
            String ce = batch.createComputeEnvironment(b -> b.computeEnvironmentName(stack.stackName() + "-ce")
                    .type("UNMANAGED").state("ENABLED").serviceRole(role)).computeEnvironmentArn();
            for (String queue : new String[] {"StandardJobQueue", "PriorityJobQueue"}) {
                String name = stack.ref(queue).substring(stack.ref(queue).indexOf('/') + 1);
                batch.createJobQueue(b -> b.jobQueueName(name).state("ENABLED").priority(1).computeEnvironmentOrder(
                        o -> o.order(1).computeEnvironment(ce)));
            }
        }
        seedDecrypted(event("from-transform.json").path("fileId").asText(), "acme");
    }

    /** A run replayable from Transform: Route and Decrypt succeeded, the plaintext exists. */
    private static void seedDecrypted(String fileId, String partner) {
        String key = "inbound/" + partner + "/" + fileId.substring(0, 8) + ".ach";
        s3.putObject(b -> b.bucket(stack.ref("InboundBucket")).key(key), RequestBody.fromString("x"));
        runs.createRun(new NewRun(fileId, partner, stack.ref("InboundBucket"), key, null, 1, fileId,
                Instant.parse("2026-03-02T15:00:00Z"), "first"));
        runs.stageStarted(fileId, Stage.Route, "first");
        runs.recordRoute(fileId, Map.of("jobQueue", stack.ref("PriorityJobQueue")), "NACHA", "acme-same-day-ach");
        runs.stageSucceeded(fileId, Stage.Route, "first", Map.of(), Map.of());
        runs.stageSucceeded(fileId, Stage.Decrypt, "first", Map.of(), Map.of());
        s3.putObject(b -> b.bucket(stack.ref("WorkBucket")).key(ObjectLayout.plaintextKey(fileId)), RequestBody.fromString("p"));
    }

    private static ObjectNode event(String name) {
        try {
            return (ObjectNode) JSON.readTree(ProjectRoot.resolve("events/replay/" + name).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ValidatableResponse invoke(JsonNode event) {
        return given().contentType("application/json").accept("application/json").body(event.toString())
                .when().post().then();
    }

    private static String fileId(String name) {
        return sha256(name);
    }

    @Test
    void aReplayFromTransformStartsADeterministicallyNamedExecutionAndRecordsIt() throws IOException {
        String fileId = fileId("replay-start");
        seedDecrypted(fileId, "acme");
        ObjectNode e = event("from-transform.json").put("fileId", fileId);
        String name = fileId.substring(0, 16) + "-replay-transform-1";
        invoke(e).statusCode(200)
                .body("executionName", equalTo(name))
                .body("executionArn", equalTo(stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name));
        var execution = sfn.describeExecution(b -> b.executionArn(stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name));
        JsonNode input = JSON.readTree(execution.input());
        assertThat(input.path("replay").path("fromStage").asText()).isEqualTo("Transform");
        assertThat(input.path("replay").path("startedBy").asText()).isEqualTo("replay-lambda");
        assertThat(runs.getRun(fileId).lease().get().holder()).isEqualTo(name);
        assertThat(runs.findExecution(fileId, name).get().reason()).isEqualTo("token key rotated");
    }

    @Test
    void aSecondReplayIsRefusedClearlyWhileTheFirstRuns() {
        String fileId = fileId("replay-refused");
        seedDecrypted(fileId, "acme");
        ObjectNode e = event("from-transform.json").put("fileId", fileId);
        invoke(e).statusCode(200);
        invoke(e).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.LeaseHeldException"))
                .body("errorMessage", containsString("refused: execution " + fileId.substring(0, 16) + "-replay-transform-1"))
                .body("errorMessage", containsString("is still running"));
    }

    @Test
    void aStaleLeaseIsTakenOverAfterItsExecutionIsStopped() {
        String fileId = fileId("replay-stale");
        seedDecrypted(fileId, "acme");
        String stale = sfn.startExecution(b -> b.stateMachineArn(stateMachineArn).name("stale-holder").input("{}")).executionArn();
        Clock longAgo = Clock.fixed(Instant.now().minus(TTL).minusSeconds(60), ZoneOffset.UTC);
        new RunStore(AwsEmulator.endpoint().clients().dynamoDb(), stack.ref("RunsTable"), longAgo)
                .acquireLease(fileId, "stale-holder", TTL);
        invoke(event("from-transform.json").put("fileId", fileId)).statusCode(200)
                .body("tookOverFrom", equalTo("stale-holder"));
        assertThat(sfn.describeExecution(b -> b.executionArn(stale)).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(runs.findExecution(fileId, "stale-holder").get().outcome()).isEqualTo("ABANDONED");
    }

    @Test
    void aReplayWhosePrerequisiteIsMissingIsRefused() {
        String fileId = fileId("replay-prereq");
        seedDecrypted(fileId, "acme");
        invoke(event("from-finalize-before-load.json").put("fileId", fileId)).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.replay.PrerequisiteMissingException"))
                .body("errorMessage", containsString("stage Transform has never run"));
    }

    @Test
    void anInvalidRequestNamesEveryProblem() {
        invoke(event("invalid-request.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.replay.InvalidReplayRequestException"))
                .body("errorMessage", containsString("fileId must be the 64 lowercase hex digits"))
                .body("errorMessage", containsString("onlyFailedChunks applies to a replay from Load only"));
    }

    @Test
    void aReplayOfAnUnknownFileIsRefused() {
        invoke(event("unknown-file.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.RunNotFoundException"));
    }

    @Test
    void aRequestWithBothFileAndFilterIsInvalid() {
        invoke(event("both-file-and-filter.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.replay.InvalidReplayRequestException"))
                .body("errorMessage", containsString("either fileId or filter"));
    }

    @Test
    void aBulkReplayRestartsTheFailedRunsTheFilterSelects() {
        String a = fileId("bulk-one");
        String b = fileId("bulk-two");
        String other = fileId("bulk-other");
        seedDecrypted(a, "acme");
        seedDecrypted(b, "acme");
        seedDecrypted(other, "eurobank");
        for (String id : new String[] {a, b, other}) {
            runs.stageFailed(id, Stage.Transform, "first", "States.TaskFailed", "exit code 75", RunStatus.FAILED);
        }
        invoke(event("bulk-failed-at-transform.json")).statusCode(200)
                .body("matched", equalTo(2)).body("started", equalTo(2)).body("refused", equalTo(0));
        assertThat(runs.getRun(a).lease().get().holder()).isEqualTo(a.substring(0, 16) + "-replay-transform-1");
        assertThat(runs.getRun(other).lease()).isEmpty();
    }

    /** A realistic file id: the SHA-256 of something, as Validate derives it from content. */
    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
