package com.paysaga.batch;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Structured JSON log lines on stderr, one per event, each carrying {@code fileId}, {@code stage}
 * and {@code execution} (STYLE.md §6), so CloudWatch Logs Insights can filter one run's lines.
 * Values logged are counts, names, object URIs and error messages; no code path passes file
 * content, and PaySaga's error messages never quote account data.
 */
public final class JobLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String fileId;
    private final String stage;
    private final String execution;

    public JobLog(String fileId, String stage, String execution) {
        this.fileId = fileId;
        this.stage = stage;
        this.execution = execution;
    }

    public void info(String event, Map<String, ?> fields) {
        write("INFO", event, fields);
    }

    public void error(String event, Map<String, ?> fields) {
        write("ERROR", event, fields);
    }

    private void write(String level, String event, Map<String, ?> fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("ts", Instant.now().toString());
        line.put("level", level);
        line.put("fileId", fileId);
        line.put("stage", stage);
        line.put("execution", execution);
        line.put("event", event);
        fields.forEach((k, v) -> line.set(k, JSON.valueToTree(v)));
        PrintStream err = System.err;
        try {
            err.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            err.println("{\"level\":\"ERROR\",\"event\":\"log-failure\"}");
        }
        err.flush();
    }
}
