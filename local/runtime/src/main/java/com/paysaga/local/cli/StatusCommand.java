package com.paysaga.local.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.paysaga.saga.Stage;
import com.paysaga.provision.ProvisionedStack;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.ChunkRecord;
import com.paysaga.saga.store.ExecutionRecord;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Runs, stages, chunks and attempts, read from the runs table. */
@Command(name = "status", description = "Show runs, or one file's stages, chunks and attempts.")
public final class StatusCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @Parameters(arity = "0..1", paramLabel = "FILE_ID", description = "A fileId (or a unique prefix of one).")
    String fileId;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ProvisionedStack stack = runtime.stack();
        PrintWriter out = spec.commandLine().getOut();
        try (DynamoDbClient dynamo = runtime.clients().dynamoDb()) {
            RunStore runs = new RunStore(dynamo, stack.ref("RunsTable"));
            List<RunRecord> all = allRuns(dynamo, stack.ref("RunsTable"), runs);
            if (fileId == null) {
                Table t = new Table("FILE ID", "PARTNER", "OBJECT", "FORMAT", "STATUS", "STAGE", "PARSED", "LOADED", "UPDATED");
                all.stream().sorted(Comparator.comparing(RunRecord::receivedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                        .forEach(r -> t.row(r.fileId().substring(0, 16), r.partner(), r.key(), r.format(), r.runStatus(),
                                r.currentStage(), r.transactionsParsed(), r.transactionsLoaded(), updated(r)));
                if (t.isEmpty()) {
                    out.println("no runs in " + stack.ref("RunsTable"));
                } else {
                    t.print(out);
                }
                out.flush();
                return 0;
            }
            List<RunRecord> matches = all.stream().filter(r -> r.fileId().startsWith(fileId)).toList();
            if (matches.size() != 1) {
                spec.commandLine().getErr().println("paysaga status: " + (matches.isEmpty() ? "no run" : matches.size() + " runs")
                        + " with fileId " + fileId);
                return 1;
            }
            print(out, runs, matches.get(0));
            return 0;
        }
    }

    static void print(PrintWriter out, RunStore runs, RunRecord r) {
        out.println("file      " + r.fileId());
        out.println("object    " + ObjectLayout.s3Uri(r.bucket(), r.key()) + (r.versionId() == null ? "" : " (version " + r.versionId() + ")"));
        out.println("partner   " + r.partner() + "   format " + r.format() + "   profile " + r.profileId());
        out.println("status    " + r.runStatus() + " at " + r.currentStage() + "   parsed " + r.transactionsParsed()
                + "   loaded " + r.transactionsLoaded());
        if (r.lastError() != null) {
            out.println("error     " + r.lastError().stage() + ": " + r.lastError().error() + " - " + r.lastError().cause());
        }
        r.lease().ifPresent(l -> out.println("lease     held by " + l.holder() + " until " + l.expiresAt()));
        out.println();
        Table stages = new Table("STAGE", "STATUS", "ATTEMPT", "DURATION", "EXECUTION", "ARTIFACTS / ERROR");
        Map<Stage, StageRecord> s = runs.stages(r.fileId());
        for (Stage stage : Stage.values()) {
            StageRecord rec = s.get(stage);
            if (rec != null) {
                String detail = rec.error() != null ? rec.error() + ": " + abbreviate(rec.cause(), 100)
                        : String.join(", ", rec.artifacts().values());
                stages.row(stage, rec.status(), rec.attempt(), rec.durationMs() == null ? null : rec.durationMs() + " ms",
                        rec.execution(), detail);
            }
        }
        stages.print(out);
        Map<Integer, ChunkRecord> chunks = runs.chunks(r.fileId());
        if (!chunks.isEmpty()) {
            out.println();
            Table c = new Table("CHUNK", "STATUS", "TRANSACTIONS", "ATTEMPT", "EXECUTION", "ERROR");
            chunks.forEach((i, ch) -> c.row(i, ch.status(), ch.transactions(), ch.attempt(), ch.execution(), ch.error()));
            c.print(out);
        }
        out.println();
        Table attempts = new Table("EXECUTION", "STARTED BY", "FROM", "STARTED", "OUTCOME", "DURATION", "REASON / ERROR");
        List<ExecutionRecord> execs = new ArrayList<>(runs.executions(r.fileId()));
        execs.sort(Comparator.comparing(ExecutionRecord::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        for (ExecutionRecord e : execs) {
            attempts.row(e.name(), e.startedBy(), e.fromStage(), e.startedAt(), Optional.ofNullable(e.outcome()).orElse("RUNNING"),
                    e.durationMs() == null ? null : e.durationMs() + " ms", e.error() != null ? e.error() : e.reason());
        }
        attempts.print(out);
        out.flush();
    }

    private static String updated(RunRecord r) {
        String s = r.stageUpdatedAt();
        return s == null ? null : s.substring(s.indexOf('#') + 1);
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static List<RunRecord> allRuns(DynamoDbClient dynamo, String table, RunStore runs) {
        List<RunRecord> out = new ArrayList<>();
        for (var item : dynamo.scanPaginator(b -> b.tableName(table).filterExpression("sk = :meta")
                .expressionAttributeValues(Map.of(":meta", AttributeValue.fromS(RunStore.META)))).items()) {
            String pk = item.get("pk").s();
            runs.findRun(pk.substring(pk.indexOf('#') + 1)).ifPresent(out::add);
        }
        return out;
    }
}
