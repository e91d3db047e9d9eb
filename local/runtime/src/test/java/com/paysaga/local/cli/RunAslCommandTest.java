package com.paysaga.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code local/paysaga run-asl}, run in-process on the sample definitions of src/test/resources/asl. */
class RunAslCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    private static Path sample(String name) throws URISyntaxException {
        return Path.of(RunAslCommandTest.class.getResource("/asl/" + name).toURI());
    }

    private static Run run(String... args) {
        CommandLine cli = PaySagaCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static final String ORDER = """
            {"order":{"id":"o-7","express":true,"lines":[{"sku":"A","cents":250},{"sku":"B","cents":50}]}}""";

    @Test
    void aSucceedingExecutionPrintsOneJsonObjectWithTheOutputAndExitsZero() throws Exception {
        Run r = run("run-asl", sample("order-flow.asl.json").toString(), "--input", ORDER);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip().lines()).hasSize(1);
        assertThat(r.json()).isEqualTo(JSON.readTree("""
                {"status":"SUCCEEDED","output":{"orderId":"o-7","lines":[{"sku":"A","cents":250},{"sku":"B","cents":50}],
                 "express":true,"prepared":{"label":"Order o-7","lineCount":2},
                 "priced":[{"line":0,"total":350},{"line":1,"total":150}]}}"""));
        assertThat(r.err()).contains("SUCCEEDED");
    }

    @Test
    void noWaitSkipsWaitStates() throws Exception {
        String slow = ORDER.replace("\"express\":true", "\"express\":false");
        Run r = run("run-asl", sample("order-flow.asl.json").toString(), "--input", slow, "--no-wait", "--history");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode history = r.json().get("history");
        assertThat(history.get(0).get("type").asText()).isEqualTo("ExecutionStarted");
        assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("ExecutionSucceeded");
        assertThat(history.toString()).contains("WaitStateEntered", "ParallelStateStarted", "MapIterationStarted");
    }

    @Test
    void aFailedExecutionPrintsErrorAndCauseAndExitsOne() throws Exception {
        Run r = run("run-asl", sample("fail-state.asl.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.json()).isEqualTo(JSON.readTree("""
                {"status":"FAILED","error":"DuplicateFile","cause":"this file was already loaded"}"""));
    }

    @Test
    void tasksFailAsMissingResourcesWhichACatchCanHandle() throws Exception {
        Run caught = run("run-asl", sample("task-without-service.asl.json").toString(), "--input", "{\"file\":\"a\"}");
        assertThat(caught.exit()).isZero();
        assertThat(caught.json().at("/output/error/Error").asText()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(caught.json().at("/output/file").asText()).isEqualTo("a");

        Run uncaught = run("run-asl", sample("task-uncaught.asl.json").toString());
        assertThat(uncaught.exit()).isEqualTo(1);
        assertThat(uncaught.json().get("error").asText()).isEqualTo("DynamoDB.ResourceNotFoundException");
        assertThat(uncaught.json().get("cause").asText()).contains("arn:aws:states:::dynamodb:putItem");
    }

    @Test
    void anInvalidDefinitionExitsTwoWithTheProblemsOnStandardError() throws Exception {
        Run r = run("run-asl", sample("invalid.asl.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/First/Next")
                .contains("State \"Orphan\" is not reachable.");
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) throws Exception {
        assertThat(run("run-asl").exit()).isEqualTo(2);
        assertThat(run("run-asl", dir.resolve("missing.json").toString()).exit()).isEqualTo(2);
        assertThat(run("run-asl", sample("fail-state.asl.json").toString(), "--input", "{not json").exit()).isEqualTo(2);
        Path in = Files.writeString(dir.resolve("in.json"), "{}");
        assertThat(run("run-asl", sample("fail-state.asl.json").toString(), "--input", "{}", "--input-file", in.toString())
                .exit()).isEqualTo(2);
    }

    @Test
    void theInputCanComeFromAFile(@TempDir Path dir) throws Exception {
        Path in = Files.writeString(dir.resolve("order.json"), ORDER);
        Run r = run("run-asl", sample("order-flow.asl.json").toString(), "--input-file", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().at("/output/orderId").asText()).isEqualTo("o-7");
    }

    @Test
    void machineNamesComeFromTheFileName() {
        assertThat(RunAslCommand.machineName(Path.of("/x/state-machine.asl.json"))).isEqualTo("state-machine");
        assertThat(RunAslCommand.machineName(Path.of("my flow.json"))).isEqualTo("my-flow");
    }
}
