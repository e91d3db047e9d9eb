package com.paysaga.saga.store;

import static com.paysaga.saga.store.RunsTable.enumOf;
import static com.paysaga.saga.store.RunsTable.instant;
import static com.paysaga.saga.store.RunsTable.mapOf;
import static com.paysaga.saga.store.RunsTable.n;
import static com.paysaga.saga.store.RunsTable.num;
import static com.paysaga.saga.store.RunsTable.s;
import static com.paysaga.saga.store.RunsTable.str;
import static com.paysaga.saga.store.RunsTable.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.paysaga.saga.Stage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code STAGE#<stage>} items: one per stage, rewritten by each attempt. Every stage write starts
 * with a META write, so a checkpoint for an unknown file fails before a stage item is orphaned,
 * and in lease-holder mode a writer that lost the lease writes nothing.
 */
final class StageItems {

    private final RunsTable t;
    private final RunItems runs;

    StageItems(RunsTable t, RunItems runs) {
        this.t = t;
        this.runs = runs;
    }

    static String sk(Stage stage) {
        return "STAGE#" + stage.name();
    }

    void started(String fileId, Stage stage, String execution) {
        Instant now = t.now();
        UpdateExpression u = new UpdateExpression();
        u.set("status", s(StageStatus.RUNNING.name()));
        u.set("startedAt", s(timestamp(now)));
        u.set("execution", s(execution));
        u.set("fileId", s(fileId));
        u.set("stage", s(stage.name()));
        u.add("attempt", n(1));
        u.remove("endedAt");
        u.remove("durationMs");
        u.remove("error");
        u.remove("cause");
        runs.updateRunStatus(fileId, RunStatus.RUNNING, stage);
        t.update(fileId, sk(stage), u);
    }

    void succeeded(String fileId, Stage stage, String execution, Map<String, String> artifacts,
            Map<String, Long> counts) {
        UpdateExpression meta = new UpdateExpression();
        meta.set("currentStage", s(stage.name()));
        meta.set("stageUpdatedAt", s(stage.name() + "#" + timestamp(t.now())));
        t.updateMeta(fileId, meta);
        end(fileId, stage, execution, StageStatus.SUCCEEDED, artifacts, counts, null, null);
    }

    void failed(String fileId, Stage stage, String execution, String error, String cause,
            RunStatus runStatus, Map<String, String> artifacts) {
        UpdateExpression meta = new UpdateExpression();
        meta.set("runStatus", s(runStatus.name()));
        meta.set("currentStage", s(stage.name()));
        meta.set("stageUpdatedAt", s(stage.name() + "#" + timestamp(t.now())));
        meta.set("lastError", AttributeValues.of(mapOf("stage", stage.name(), "error", error, "cause", cause)));
        t.updateMeta(fileId, meta);
        end(fileId, stage, execution, StageStatus.FAILED, artifacts, Map.of(), error, cause);
    }

    private void end(String fileId, Stage stage, String execution, StageStatus status, Map<String, String> artifacts,
            Map<String, Long> counts, String error, String cause) {
        Instant now = t.now();
        String sk = sk(stage);
        Map<String, AttributeValue> before = t.get(fileId, sk);
        Instant startedAt = before != null && before.containsKey("startedAt")
                ? Instant.parse(before.get("startedAt").s()) : now;
        // The maps must exist before their keys can be set one by one (merge, not replace).
        if (!artifacts.isEmpty() || !counts.isEmpty() || before == null) {
            UpdateExpression maps = new UpdateExpression();
            maps.setExpression("artifacts", "if_not_exists(#self, " + maps.value(AttributeValue.fromM(Map.of())) + ")");
            maps.setExpression("counts", "if_not_exists(#self, " + maps.value(AttributeValue.fromM(Map.of())) + ")");
            t.update(fileId, sk, maps);
        }
        UpdateExpression u = new UpdateExpression();
        u.set("status", s(status.name()));
        u.set("fileId", s(fileId));
        u.set("stage", s(stage.name()));
        u.set("startedAt", s(timestamp(startedAt)));
        u.set("endedAt", s(timestamp(now)));
        u.set("durationMs", n(Duration.between(startedAt, now).toMillis()));
        u.set("execution", s(execution));
        u.setExpression("attempt", "if_not_exists(#self, " + u.value(n(1)) + ")");
        artifacts.forEach((name, uri) -> u.set("artifacts." + u.name(name), s(uri)));
        counts.forEach((name, count) -> u.set("counts." + u.name(name), n(count)));
        if (error == null) {
            u.remove("error");
            u.remove("cause");
        } else {
            u.set("error", s(error));
            u.set("cause", cause == null ? AttributeValue.fromNul(true) : s(cause));
        }
        t.update(fileId, sk, u);
    }

    Optional<StageRecord> find(String fileId, Stage stage) {
        Map<String, AttributeValue> item = t.get(fileId, sk(stage));
        return item == null ? Optional.empty() : Optional.of(toStage(item));
    }

    Map<Stage, StageRecord> all(String fileId) {
        Map<Stage, StageRecord> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : t.queryPrefix(fileId, "STAGE#")) {
            StageRecord r = toStage(item);
            out.put(r.stage(), r);
        }
        return out;
    }

    private static StageRecord toStage(Map<String, AttributeValue> item) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        if (item.containsKey("artifacts")) {
            AttributeValues.toMap(item.get("artifacts")).forEach((k, v) -> artifacts.put(k, String.valueOf(v)));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        if (item.containsKey("counts")) {
            AttributeValues.toMap(item.get("counts")).forEach((k, v) -> counts.put(k, ((Number) v).longValue()));
        }
        Stage stage = Stage.parse(item.get("sk").s().substring("STAGE#".length()));
        return new StageRecord(RunsTable.fileIdOf(item), stage, enumOf(StageStatus.class, str(item, "status")),
                instant(item, "startedAt"), instant(item, "endedAt"), num(item, "durationMs", null),
                num(item, "attempt", 0L).intValue(), str(item, "execution"), artifacts, counts,
                str(item, "error"), str(item, "cause"));
    }
}
