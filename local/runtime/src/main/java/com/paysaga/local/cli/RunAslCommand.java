package com.paysaga.local.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.AslClock;
import com.paysaga.asl.AslEngine;
import com.paysaga.asl.Diagnostic;
import com.paysaga.asl.Execution;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.ExecutionStatus;
import com.paysaga.asl.InvalidDefinitionException;
import com.paysaga.asl.StateMachine;
import com.paysaga.asl.history.HistoryEvent;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs a state machine definition with the local ASL engine, without any AWS service: Task
 * states have no invoker here, so they fail as the service reports a resource it cannot find
 * ({@code Lambda.ResourceNotFoundException}, {@code DynamoDB.ResourceNotFoundException}, …),
 * which a Catch can handle. Standard output gets exactly one JSON object, the execution's result.
 */
@Command(name = "run-asl", mixinStandardHelpOptions = true, description = {
        "Run an Amazon States Language definition locally (JSONPath; no AWS services: Task states fail with "
                + "<Service>.ResourceNotFoundException).",
        "Prints one JSON object: {\"status\":\"SUCCEEDED\",\"output\":…} or {\"status\":\"FAILED\",\"error\":…,\"cause\":…}.",
        "Exit code: 0 succeeded, 1 failed / timed out / aborted, 2 invalid definition or usage error."})
public final class RunAslCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "DEFINITION.json", description = "The state machine definition.")
    Path definition;

    static final class InputSource {
        @Option(names = "--input", paramLabel = "JSON", description = "The execution input (default: {}).")
        String json;

        @Option(names = "--input-file", paramLabel = "FILE", description = "A file holding the execution input.")
        Path file;
    }

    @ArgGroup(exclusive = true)
    InputSource input;

    @Option(names = "--history", description = "Add the execution history under \"history\".")
    boolean history;

    @Option(names = "--no-wait", description = "Skip Wait states and Retry intervals instead of waiting.")
    boolean noWait;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = Files.readString(definition, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("paysaga run-asl: cannot read the definition " + definition + ": " + e.getMessage());
            return PaySagaCli.EXIT_USAGE;
        }
        JsonNode executionInput;
        try {
            executionInput = readInput();
        } catch (IOException e) {
            err.println("paysaga run-asl: the execution input is not valid JSON: " + e.getMessage());
            return PaySagaCli.EXIT_USAGE;
        }

        AslEngine engine = AslEngine.builder().clock(noWait ? AslClock.skippingWaits() : AslClock.system()).build();
        StateMachine stateMachine;
        try {
            stateMachine = engine.load(machineName(definition), text);
        } catch (InvalidDefinitionException e) {
            err.println("paysaga run-asl: " + definition + " is not a valid state machine definition:");
            for (Diagnostic d : e.diagnostics()) {
                err.println("  " + d);
            }
            err.flush();
            return PaySagaCli.EXIT_USAGE;
        }
        err.println("paysaga run-asl: running " + stateMachine.arn());
        Execution execution = engine.start(stateMachine, executionInput);
        ExecutionResult result = execution.await();
        err.println("paysaga run-asl: " + execution.arn() + " " + result.status());
        err.flush();

        ObjectNode out = JSON.createObjectNode();
        out.put("status", result.status().name());
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            out.set("output", result.output());
        } else {
            out.put("error", result.error());
            out.put("cause", result.cause());
        }
        if (history) {
            ArrayNode events = out.putArray("history");
            for (HistoryEvent e : execution.history()) {
                events.add(e.toJson());
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            stdout.println(JSON.writeValueAsString(out));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
        stdout.flush();
        return result.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
    }

    private JsonNode readInput() throws IOException {
        if (input == null) {
            return JSON.createObjectNode();
        }
        String raw = input.file != null ? Files.readString(input.file, StandardCharsets.UTF_8) : input.json;
        JsonNode node = JSON.readTree(raw);
        if (node == null) {
            throw new IOException("the input is empty");
        }
        return node;
    }

    /** The service's state machine names: letters, digits, '-' and '_'; from the file name. */
    static String machineName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.indexOf('.');
        String name = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^A-Za-z0-9_-]", "-");
        return name.isEmpty() ? "StateMachine" : name;
    }
}
