package com.paysaga.functions.route;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.store.NewRun;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.RunStore;
import com.paysaga.testing.AwsEmulator;
import com.paysaga.testing.AwsEmulatorResource;
import com.paysaga.testing.ProjectRoot;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = AwsEmulatorResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = "function", value = "RouteFunction"))
class RouteHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ProvisionedStack stack;
    private static RunStore runs;

    @BeforeAll
    static void runs() {
        stack = AwsEmulatorResource.stack();
        runs = new RunStore(AwsEmulator.endpoint().clients().dynamoDb(), stack.ref("RunsTable"));
        seed("ach-on-time.json", "acme", "2026-03-02T15:29:59Z");
        // Friday 16 Jan 2026 17:00 New York; Monday 19 Jan is a Federal Reserve holiday.
        seed("ach-late-waits.json", "acme", "2026-01-16T22:00:00Z");
        // Maundy Thursday 2026, 23:45 Berlin; Good Friday and Easter Monday are TARGET2 closing days.
        seed("sepa-late-flagged.json", "eurobank", "2026-04-02T21:45:00Z");
        seed("card-late-rejected.json", "cardco", "2026-03-07T06:00:01Z");
        seed("unknown-partner.json", "nobody", "2026-03-02T12:00:00Z");
    }

    private static void seed(String event, String partner, String receivedAt) {
        String fileId = event(event).path("fileId").asText();
        runs.createRun(new NewRun(fileId, partner, stack.ref("InboundBucket"), "inbound/" + partner + "/f", "v1", 10,
                fileId, Instant.parse(receivedAt), "first"));
    }

    private static JsonNode event(String name) {
        try {
            return JSON.readTree(ProjectRoot.resolve("events/route/" + name).toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ValidatableResponse invoke(String name) {
        return given().contentType("application/json").accept("application/json").body(event(name).toString())
                .when().post().then();
    }

    @Test
    void anAchFileBeforeTheFirstCutOffGoesInTheFirstWindowOnThePriorityQueue() {
        invoke("ach-on-time.json").statusCode(200)
                .body("profileId", equalTo("acme-same-day-ach"))
                .body("format", equalTo("NACHA"))
                .body("action", equalTo("PROCESS"))
                .body("window", equalTo("SDA-1"))
                .body("businessDate", equalTo("2026-03-02"))
                .body("cutOff", equalTo("2026-03-02T15:30:00Z"))
                .body("late", equalTo(false))
                .body("waitUntil", nullValue())
                .body("jobQueue", equalTo(stack.ref("PriorityJobQueue")))
                .body("chunkSize", equalTo(1000))
                .body("loadConcurrency", equalTo(8));
        RunRecord run = runs.getRun(event("ach-on-time.json").path("fileId").asText());
        assertThat(run.profileId()).isEqualTo("acme-same-day-ach");
        assertThat(run.format()).isEqualTo("NACHA");
        assertThat(run.route()).containsEntry("window", "SDA-1").containsEntry("action", "PROCESS");
    }

    @Test
    void aLateAchFileWaitsUntilTheNextFedBusinessDayAndTheRunSaysWaiting() {
        invoke("ach-late-waits.json").statusCode(200)
                .body("action", equalTo("WAIT"))
                .body("late", equalTo(true))
                .body("waitUntil", equalTo("2026-01-20T11:00:00Z"))
                .body("businessDate", equalTo("2026-01-20"));
        assertThat(runs.getRun(event("ach-late-waits.json").path("fileId").asText()).runStatus())
                .isEqualTo(RunStatus.WAITING);
    }

    @Test
    void aLateSepaStatementIsProcessedAtOnceFlaggedLateOnTheStandardQueue() {
        invoke("sepa-late-flagged.json").statusCode(200)
                .body("action", equalTo("PROCESS"))
                .body("late", equalTo(true))
                .body("businessDate", equalTo("2026-04-07"))
                .body("jobQueue", equalTo(stack.ref("StandardJobQueue")));
    }

    @Test
    void aLateCardSettlementFileIsRejected() {
        invoke("card-late-rejected.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.LateFileRejectedException"))
                .body("errorMessage", containsString("rejects late files"));
    }

    @Test
    void aFileWithoutRunRecordCannotBeRouted() {
        invoke("unknown-run.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.store.RunNotFoundException"));
    }

    @Test
    void aRunOfAPartnerWithoutProfileCannotBeRouted() {
        invoke("unknown-partner.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.UnknownPartnerException"));
    }

    @Test
    void aRequestWithoutFileIdIsMalformed() {
        invoke("missing-file-id.json").statusCode(500)
                .body("errorType", equalTo("com.paysaga.saga.routing.MalformedEventException"));
    }
}
