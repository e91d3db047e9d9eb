package com.paysaga.functions.validate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.saga.Stage;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.routing.PartnerProfiles;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
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
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
@QuarkusTestResource(value = AwsEmulatorResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "function", value = "ValidateFunction"))
class ValidateHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_BUCKET = "paysaga-inbound-123456789012-us-east-1";
    private static final byte[] SETTLEMENT = "merchant,amount,currency\nM-1,1250,USD\nM-2,990,USD\n".getBytes(StandardCharsets.UTF_8);

    private static ProvisionedStack stack;
    private static S3Client s3;
    private static RunStore runs;

    @BeforeAll
    static void stack() throws IOException {
        stack = AwsEmulatorResource.stack();
        s3 = AwsEmulator.endpoint().clients().s3();
        runs = new RunStore(AwsEmulator.endpoint().clients().dynamoDb(), stack.ref("RunsTable"));
        // The profiles the function reads from the config bucket: the samples plus one with a tiny size limit.
        ObjectNode doc;
        try (InputStream in = PartnerProfiles.class.getClassLoader().getResourceAsStream(PartnerProfiles.BUNDLED_RESOURCE)) {
            doc = (ObjectNode) JSON.readTree(in);
        }
        ObjectNode tiny = ((ObjectNode) doc.path("profiles").get(2)).deepCopy();
        tiny.put("partner", "tiny").put("profileId", "tiny-csv").put("maxFileBytes", 16);
        ((ArrayNode) doc.path("profiles")).add(tiny);
        s3.putObject(b -> b.bucket(stack.ref("ConfigBucket")).key("profiles/partners.json"),
                RequestBody.fromBytes(JSON.writeValueAsBytes(doc)));
    }

    /** A sample event with the test stack's bucket and, when the object exists, its version. */
    private static ObjectNode event(String name) {
        try {
            ObjectNode e = (ObjectNode) JSON.readTree(ProjectRoot.resolve("events/validate/" + name).toFile());
            ObjectNode input = (ObjectNode) e.path("input");
            if (input.path("detail").has("bucket")) {
                ((ObjectNode) input.path("detail").path("bucket")).put("name", stack.ref("InboundBucket"));
                ((ArrayNode) input.path("resources")).set(0, "arn:aws:s3:::" + stack.ref("InboundBucket"));
            }
            return e;
        } catch (IOException ex) {
            throw new AssertionError(ex);
        }
    }

    private static String key(ObjectNode event) {
        return event.path("input").path("detail").path("object").path("key").asText();
    }

    private static ObjectNode withKey(ObjectNode event, String key) {
        ((ObjectNode) event.path("input").path("detail").path("object")).put("key", key);
        return event;
    }

    private static ObjectNode uploaded(ObjectNode event, byte[] content) {
        String version = s3.putObject(b -> b.bucket(stack.ref("InboundBucket")).key(key(event)),
                RequestBody.fromBytes(content)).versionId();
        ObjectNode object = (ObjectNode) event.path("input").path("detail").path("object");
        object.put("version-id", version).put("size", content.length);
        return event;
    }

    private static ValidatableResponse invoke(JsonNode event) {
        return given().contentType("application/json").accept("application/json").body(event.toString())
                .when().post().then();
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    @Test
    void aNewUploadBecomesARunKeyedByItsContentHashAndTakesTheLease() throws Exception {
        ObjectNode e = uploaded(event("new-upload.json"), SETTLEMENT);
        String fileId = sha256(SETTLEMENT);
        invoke(e).statusCode(200)
                .body("duplicate", equalTo(false))
                .body("run.fileId", equalTo(fileId))
                .body("run.partner", equalTo("cardco"))
                .body("run.key", equalTo("inbound/cardco/settlement_20260302.csv"))
                .body("run.receivedAt", equalTo("2026-03-02T15:00:00Z"))
                .body("run.duplicate", equalTo(false));
        RunRecord run = runs.getRun(fileId);
        assertThat(run.sha256()).isEqualTo(fileId);
        assertThat(run.size()).isEqualTo(SETTLEMENT.length);
        assertThat(run.runStatus()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.lease().get().holder()).isEqualTo(e.path("execution").asText());
        assertThat(runs.findStage(fileId, Stage.Validate).get().status()).isEqualTo(StageStatus.RUNNING);
        assertThat(runs.findExecution(fileId, e.path("execution").asText()).get().startedBy()).isEqualTo("eventbridge");
    }

    @Test
    void theSameContentUploadedAgainIsADuplicateAndIsNotProcessed() throws Exception {
        byte[] content = "merchant,amount,currency\nM-9,100,EUR\n".getBytes(StandardCharsets.UTF_8);
        String fileId = sha256(content);
        invoke(uploaded(withKey(event("new-upload.json"), "inbound/cardco/settlement_20260310.csv"), content))
                .statusCode(200).body("duplicate", equalTo(false));
        ObjectNode second = uploaded(withKey(event("second-upload-same-content.json"),
                "inbound/cardco/settlement_20260311.csv"), content);
        invoke(second).statusCode(200)
                .body("duplicate", equalTo(true))
                .body("run.fileId", equalTo(fileId))
                .body("message", containsString("content already received as"));
        assertThat(runs.findExecution(fileId, second.path("execution").asText()).get().outcome()).isEqualTo("DUPLICATE");
        assertThat(runs.getRun(fileId).key()).isEqualTo("inbound/cardco/settlement_20260310.csv");
    }

    @Test
    void anUploadFromAnUnknownPartnerIsRejectedAfterItsRunIsRecorded() throws Exception {
        byte[] content = "merchant,amount,currency\nM-7,700,EUR\n".getBytes(StandardCharsets.UTF_8);
        String fileId = sha256(content);
        ObjectNode e = uploaded(event("unknown-partner.json"), content);
        invoke(e).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UnknownPartnerException"))
                .body("errorMessage", startsWith("file " + fileId + ": "))
                .body("errorMessage", containsString("no partner profile for 'nobody'"));
        // The run exists, so Record Failure can record the rejection and a replay from Validate can
        // retry it once the partner's profile is added.
        RunRecord run = runs.getRun(fileId);
        assertThat(run.partner()).isEqualTo("nobody");
        assertThat(run.lease().get().holder()).isEqualTo(e.path("execution").asText());
        assertThat(runs.findStage(fileId, Stage.Validate).get().status()).isEqualTo(StageStatus.RUNNING);
    }

    @Test
    void aKeyWithoutAPartnerSegmentIsRejected() {
        invoke(event("no-partner-segment.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UploadRejectedException"))
                .body("errorMessage", containsString("key must be inbound/<partner>/<file name>"));
    }

    @Test
    void aFileNameTheProfileDoesNotAllowIsRejectedNamingTheFile() throws Exception {
        byte[] content = "merchant,amount,currency\nM-3,300,USD\n".getBytes(StandardCharsets.UTF_8);
        invoke(uploaded(event("bad-file-name.json"), content)).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UploadRejectedException"))
                .body("errorMessage", startsWith("file " + sha256(content) + ": "))
                .body("errorMessage", containsString("file name 'report.xlsx' does not match"));
    }

    @Test
    void anEmptyFileIsRejected() {
        invoke(uploaded(event("empty-file.json"), new byte[0])).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UploadRejectedException"))
                .body("errorMessage", containsString("the file is empty"));
    }

    @Test
    void aFileLargerThanItsProfileAllowsIsRejected() {
        invoke(uploaded(withKey(event("new-upload.json"), "inbound/tiny/settlement_20260302.csv"), SETTLEMENT))
                .statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UploadRejectedException"))
                .body("errorMessage", containsString("exceeds the 16 bytes profile tiny-csv accepts"));
    }

    @Test
    void anUnencryptedFileFromAPartnerWhoMustEncryptWithPgpIsRejected() {
        invoke(uploaded(event("unencrypted-from-pgp-partner.json"), "101 021000021 0210000212603021500A094101".getBytes()))
                .statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UploadRejectedException"))
                .body("errorMessage", containsString("expects OpenPGP-encrypted, but the file is not encrypted"));
    }

    @Test
    void anArmoredPgpMessageFromAPgpPartnerIsAccepted() {
        byte[] armored = "-----BEGIN PGP MESSAGE-----\n\nhQEMA8x3pZ0AAAAAAQf/abc\n=XyZ1\n-----END PGP MESSAGE-----\n".getBytes();
        invoke(uploaded(withKey(event("unencrypted-from-pgp-partner.json"), "inbound/acme/payroll-0303.pgp"), armored))
                .statusCode(200).body("run.partner", equalTo("acme"));
    }

    @Test
    void anObjectDeletedBeforeValidationIsRejected() {
        invoke(event("object-deleted.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UploadRejectedException"))
                .body("errorMessage", containsString("does not exist"));
    }

    @Test
    void anEventThatIsNotAnS3UploadIsMalformed() {
        invoke(event("not-an-s3-event.json")).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.MalformedEventException"));
    }

    @Test
    void aReplayFromValidateHashesTheRecordedUploadAgain() throws Exception {
        byte[] content = "merchant,amount,currency\nM-3,77,USD\n".getBytes(StandardCharsets.UTF_8);
        String fileId = sha256(content);
        ObjectNode first = withKey(event("new-upload.json"), "inbound/cardco/settlement_20260320.csv");
        invoke(uploaded(first, content)).statusCode(200);
        // The first run ended (Finalize or Record Failure released its lease).
        runs.releaseLease(fileId, first.path("execution").asText());
        ObjectNode replay = event("replay-revalidate.json");
        ((ObjectNode) replay.path("input").path("run")).put("fileId", fileId);
        invoke(replay).statusCode(200).body("run.fileId", equalTo(fileId)).body("message", equalTo("revalidated"));
        assertThat(runs.getRun(fileId).lease().get().holder()).isEqualTo(replay.path("execution").asText());
    }

    @Test
    void aReplayFromValidateOfAnUploadWhoseContentChangedIsRejected() throws Exception {
        byte[] content = "merchant,amount,currency\nM-4,78,USD\n".getBytes(StandardCharsets.UTF_8);
        String fileId = sha256(content);
        ObjectNode first = withKey(event("new-upload.json"), "inbound/cardco/settlement_20260321.csv");
        invoke(uploaded(first, content)).statusCode(200);
        // Recorded without a version: the current object is what a replay reads.
        s3.putObject(b -> b.bucket(stack.ref("InboundBucket")).key("inbound/cardco/settlement_20260321.csv"),
                RequestBody.fromString("merchant,amount,currency\nM-4,79,USD\n"));
        runs.releaseLease(fileId, first.path("execution").asText());
        ObjectNode replay = event("replay-revalidate.json");
        ((ObjectNode) replay.path("input").path("run")).put("fileId", fileId);
        var dynamo = AwsEmulator.endpoint().clients().dynamoDb();
        dynamo.updateItem(b -> b.tableName(stack.ref("RunsTable"))
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(RunStore.pk(fileId)),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(RunStore.META)))
                .updateExpression("REMOVE versionId"));
        invoke(replay).statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UploadRejectedException"))
                .body("errorMessage", containsString("now hashes to"));
    }
}
