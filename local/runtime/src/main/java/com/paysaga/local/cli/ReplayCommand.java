package com.paysaga.local.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.local.runtime.Ingestion;
import com.paysaga.local.runtime.LocalRuntime;
import com.paysaga.local.runtime.LocalStepFunctions;
import com.paysaga.local.runtime.Replays;
import com.paysaga.saga.Stage;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Replay one file, or every file a filter selects, from a stage, through the replay function. */
@Command(name = "replay", description = "Replay a file (or the files a filter selects) from a stage.")
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--file-id", description = "The file to replay.")
        String fileId;

        @ArgGroup(exclusive = false)
        Filter filter;
    }

    static final class Filter {
        @Option(names = "--filter-status", required = true, description = "Bulk form: runs with this status (e.g. FAILED).")
        String status;

        @Option(names = "--filter-stage", description = "… that stopped at this stage.")
        String stage;

        @Option(names = "--filter-partner", description = "… of this partner.")
        String partner;

        @Option(names = "--since", description = "… updated at or after this ISO-8601 instant.")
        String since;

        @Option(names = "--max-files", description = "At most this many files.")
        Integer maxFiles;
    }

    @Option(names = "--from", required = true, description = "Stage to start at: ${COMPLETION-CANDIDATES}.")
    Stage from;

    @Option(names = "--only-failed-chunks", description = "Load: re-run only the chunks not loaded yet.")
    boolean onlyFailedChunks;

    @Option(names = "--reason", description = "Why (kept with the attempt).")
    String reason;

    @Option(names = "--timeout", defaultValue = "PT30M")
    Duration timeout;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws Exception {
        ObjectNode request = JSON.createObjectNode();
        if (target.fileId != null) {
            request.put("fileId", target.fileId);
            request.put("onlyFailedChunks", onlyFailedChunks);
        } else {
            ObjectNode f = request.putObject("filter");
            f.put("status", target.filter.status);
            f.put("stage", target.filter.stage);
            f.put("partner", target.filter.partner);
            f.put("since", target.filter.since);
            if (target.filter.maxFiles != null) {
                request.put("maxFiles", target.filter.maxFiles);
            }
        }
        request.put("fromStage", from.name());
        request.put("reason", reason == null ? "local/paysaga replay" : reason);
        request.put("startedBy", "local-cli:" + System.getProperty("user.name", "operator"));
        try (LocalRuntime rt = runtime.start()) {
            JsonNode answer;
            try {
                answer = Replays.request(rt, request);
            } catch (Replays.ReplayRefusedException e) {
                spec.commandLine().getErr().println("paysaga replay: refused: " + e.getMessage());
                return 1;
            }
            spec.commandLine().getErr().println("replay: " + answer);
            Map<Ingestion.Upload, LocalStepFunctions.Started> started = Replays.started(rt, answer);
            if (started.isEmpty()) {
                spec.commandLine().getOut().println("nothing was started");
                spec.commandLine().getOut().flush();
                return target.fileId != null ? 1 : 0;
            }
            List<Ingestion.Outcome> outcomes = Ingestion.follow(rt, started, Instant.now(), spec.commandLine().getErr(), timeout);
            return IngestCommand.report(spec.commandLine().getOut(), outcomes, o -> o.status().equals("COMPLETED"));
        }
    }
}
