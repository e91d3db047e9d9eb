package com.paysaga.saga.store;

import static com.paysaga.saga.store.RunsTable.META;
import static com.paysaga.saga.store.RunsTable.enumOf;
import static com.paysaga.saga.store.RunsTable.instant;
import static com.paysaga.saga.store.RunsTable.n;
import static com.paysaga.saga.store.RunsTable.num;
import static com.paysaga.saga.store.RunsTable.pk;
import static com.paysaga.saga.store.RunsTable.s;
import static com.paysaga.saga.store.RunsTable.str;
import static com.paysaga.saga.store.RunsTable.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.paysaga.saga.Stage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The run's {@code META} item: creation, status, route, counts, duplicate uploads, the ByStatus index. */
final class RunItems {

    private static final String BY_STATUS_INDEX = "ByStatus";

    private final RunsTable t;

    RunItems(RunsTable t) {
        this.t = t;
    }

    RunStore.Creation createRun(NewRun run) {
        Instant now = t.now();
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(pk(run.fileId())));
        item.put("sk", s(META));
        item.put("fileId", s(run.fileId()));
        item.put("partner", s(run.partner()));
        item.put("bucket", s(run.bucket()));
        item.put("key", s(run.key()));
        if (run.versionId() != null) {
            item.put("versionId", s(run.versionId()));
        }
        item.put("size", n(run.size()));
        item.put("sha256", s(run.sha256()));
        item.put("receivedAt", s(timestamp(run.receivedAt())));
        item.put("runStatus", s(RunStatus.RECEIVED.name()));
        item.put("currentStage", s(Stage.Validate.name()));
        item.put("stageUpdatedAt", s(Stage.Validate.name() + "#" + timestamp(now)));
        try {
            t.dynamo.putItem(b -> b.tableName(t.table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new RunStore.Creation(getRun(run.fileId()), true);
        } catch (ConditionalCheckFailedException exists) {
            return new RunStore.Creation(getRun(run.fileId()), false);
        }
    }

    RunRecord getRun(String fileId) {
        return t.findRun(fileId).orElseThrow(() -> new RunNotFoundException(fileId));
    }

    void updateRunStatus(String fileId, RunStatus status, Stage stage) {
        UpdateExpression u = new UpdateExpression();
        u.set("runStatus", s(status.name()));
        u.set("currentStage", s(stage.name()));
        u.set("stageUpdatedAt", s(stage.name() + "#" + timestamp(t.now())));
        t.updateMeta(fileId, u);
    }

    void recordRoute(String fileId, Map<String, Object> route, String format, String profileId) {
        UpdateExpression u = new UpdateExpression();
        u.set("route", AttributeValues.of(route));
        u.set("format", s(format));
        u.set("profileId", s(profileId));
        t.updateMeta(fileId, u);
    }

    void recordCount(String fileId, String attribute, long transactions) {
        UpdateExpression u = new UpdateExpression();
        u.set(attribute, n(transactions));
        t.updateMeta(fileId, u);
    }

    void recordDuplicateUpload(String fileId, String bucket, String key, String versionId, Instant receivedAt) {
        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("bucket", bucket);
        upload.put("key", key);
        upload.put("versionId", versionId);
        upload.put("receivedAt", timestamp(receivedAt));
        t.dynamo.updateItem(b -> b.tableName(t.table).key(t.key(fileId, META))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET duplicateUploads = list_append(if_not_exists(duplicateUploads, :empty), :u)")
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromL(List.of()),
                        ":u", AttributeValue.fromL(List.of(AttributeValues.of(upload))))));
    }

    List<RunRecord> runsByStatus(RunStatus status, Optional<Stage> stage, Optional<Instant> since, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#s", "runStatus"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", s(status.name())));
        String condition = "#s = :s";
        if (stage.isPresent()) {
            names.put("#u", "stageUpdatedAt");
            String prefix = stage.get().name() + "#";
            values.put(":from", s(prefix + since.map(RunsTable::timestamp).orElse("")));
            values.put(":to", s(prefix + "~"));
            condition += " AND #u BETWEEN :from AND :to";
        }
        List<RunRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(t.table).indexName(BY_STATUS_INDEX)
                    .keyConditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values);
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = t.dynamo.query(q.build());
            for (Map<String, AttributeValue> item : page.items()) {
                RunRecord run = toRun(item);
                if (since.isPresent() && stage.isEmpty() && run.updatedAt().isBefore(since.get())) {
                    continue;
                }
                out.add(run);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && out.size() < limit);
        out.sort(Comparator.comparing(RunRecord::updatedAt));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    static RunRecord toRun(Map<String, AttributeValue> item) {
        Optional<Lease> lease = Optional.empty();
        if (item.containsKey("lease") && item.get("lease").hasM()) {
            Map<String, AttributeValue> l = item.get("lease").m();
            lease = Optional.of(new Lease(l.get("holder").s(), Instant.parse(l.get("expiresAt").s())));
        }
        ErrorInfo lastError = null;
        if (item.containsKey("lastError") && item.get("lastError").hasM()) {
            Map<String, Object> e = AttributeValues.toMap(item.get("lastError"));
            lastError = new ErrorInfo((String) e.get("stage"), (String) e.get("error"), (String) e.get("cause"));
        }
        return new RunRecord(RunsTable.fileIdOf(item), str(item, "partner"), str(item, "bucket"), str(item, "key"),
                str(item, "versionId"), num(item, "size", 0L), str(item, "sha256"), instant(item, "receivedAt"),
                enumOf(RunStatus.class, str(item, "runStatus")), str(item, "stageUpdatedAt"),
                str(item, "currentStage"), str(item, "format"), str(item, "profileId"),
                item.containsKey("route") ? AttributeValues.toMap(item.get("route")) : Map.of(), lease,
                num(item, "transactionsParsed", null), num(item, "transactionsLoaded", null), lastError);
    }
}
