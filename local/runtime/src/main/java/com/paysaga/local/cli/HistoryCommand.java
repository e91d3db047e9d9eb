package com.paysaga.local.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.paysaga.local.runtime.ExecutionRecords;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The execution history of a finished local execution, as GetExecutionHistory lists it. */
@Command(name = "history", description = "Show an execution's history events.")
public final class HistoryCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @Parameters(paramLabel = "EXECUTION", description = "Execution name or ARN.")
    String execution;

    @Option(names = "--json", description = "Print the whole record as JSON.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var record = ExecutionRecords.read(runtime.stateDir(), execution);
        if (record.isEmpty()) {
            spec.commandLine().getErr().println("paysaga history: no record of execution " + execution
                    + " in " + runtime.stateDir().resolve("executions"));
            return 1;
        }
        JsonNode r = record.get();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(r.toPrettyString());
            out.flush();
            return 0;
        }
        out.println(r.path("name").asText() + "  " + r.path("status").asText()
                + (r.has("error") ? "  " + r.get("error").asText() + ": " + StatusCommand.abbreviate(r.path("cause").asText(), 160) : ""));
        Table t = new Table("ID", "PREV", "TIMESTAMP", "TYPE", "STATE / DETAIL");
        for (JsonNode e : r.path("events")) {
            t.row(e.path("id").asText(), e.path("previousEventId").asText(), e.path("timestamp").asText(),
                    e.path("type").asText(), detail(e));
        }
        t.print(out);
        return 0;
    }

    private static String detail(JsonNode e) {
        var it = e.fields();
        while (it.hasNext()) {
            var f = it.next();
            if (f.getKey().endsWith("EventDetails")) {
                JsonNode d = f.getValue();
                if (d.has("name")) {
                    return d.get("name").asText();
                }
                if (d.has("error")) {
                    return d.get("error").asText() + ": " + StatusCommand.abbreviate(d.path("cause").asText(), 100);
                }
                if (d.has("resource")) {
                    return d.path("resourceType").asText() + ":" + d.get("resource").asText();
                }
            }
        }
        return "";
    }
}
