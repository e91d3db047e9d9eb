package com.paysaga.local.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.asl.ExecutionResult;
import com.paysaga.asl.history.HistoryEvent;

/**
 * Finished executions kept on disk ({@code .paysaga/executions/<name>.json}): the service keeps
 * execution history after the run, and so must the local runtime, whose process ends with the
 * command that started it.
 */
public final class ExecutionRecords {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExecutionRecords() {
    }

    static void write(Path stateDir, LocalStepFunctions.Started s, ExecutionResult r) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("executionArn", s.execution().arn());
        doc.put("name", s.execution().name());
        doc.put("stateMachineArn", s.stateMachineArn());
        doc.put("status", r.status().name());
        doc.put("startDate", s.startDate().toString());
        doc.put("input", s.input());
        if (r.output() != null) {
            doc.set("output", r.output());
        }
        if (r.error() != null) {
            doc.put("error", r.error());
        }
        if (r.cause() != null) {
            doc.put("cause", r.cause());
        }
        ArrayNode events = doc.putArray("events");
        for (HistoryEvent e : s.execution().history()) {
            events.add(e.toJson());
        }
        try {
            Path dir = stateDir.resolve("executions");
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(s.execution().name() + ".json").toFile(), doc);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep the record of " + s.execution().name(), e);
        }
    }

    /** By execution name or ARN. */
    public static Optional<JsonNode> read(Path stateDir, String nameOrArn) throws IOException {
        String name = nameOrArn.contains(":execution:") ? nameOrArn.substring(nameOrArn.lastIndexOf(':') + 1) : nameOrArn;
        Path file = stateDir.resolve("executions").resolve(name + ".json");
        return Files.isRegularFile(file) ? Optional.of(JSON.readTree(file.toFile())) : Optional.empty();
    }
}
