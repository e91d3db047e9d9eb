package com.paysaga.asl;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.asl.history.HistoryEvent;
import com.paysaga.asl.history.HistoryEventType;
import com.paysaga.asl.internal.json.Json;

/** Test helpers: an engine that skips waits, and one-line runs of a definition. */
final class Asl {

    private Asl() {
    }

    static AslEngine.Builder engine() {
        return AslEngine.builder().skipWaits();
    }

    static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static ExecutionResult run(String definition, String input) {
        return run(engine().build(), definition, input);
    }

    static ExecutionResult run(AslEngine engine, String definition, String input) {
        return finish(start(engine, definition, input));
    }

    static Execution start(AslEngine engine, String definition, String input) {
        try {
            return engine.start(engine.load(definition), json(input));
        } catch (InvalidDefinitionException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static ExecutionResult finish(Execution execution) {
        try {
            return execution.await(Duration.ofSeconds(30))
                    .orElseThrow(() -> new AssertionError("execution did not end within 30s"));
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Output of a definition that must succeed. */
    static JsonNode output(String definition, String input) {
        ExecutionResult r = run(definition, input);
        if (r.status() != ExecutionStatus.SUCCEEDED) {
            throw new AssertionError("expected SUCCEEDED, got " + r);
        }
        return r.output();
    }

    /** A one-state machine: a Pass state with the given extra fields. */
    static String pass(String fields) {
        return """
                {"StartAt":"P","States":{"P":{"Type":"Pass",%s"End":true}}}""".formatted(fields.isEmpty() ? "" : fields + ",");
    }

    static List<HistoryEventType> types(Execution e) {
        return e.history().stream().map(HistoryEvent::type).toList();
    }
}
