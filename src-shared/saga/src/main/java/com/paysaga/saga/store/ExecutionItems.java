package com.paysaga.saga.store;

import static com.paysaga.saga.store.RunsTable.instant;
import static com.paysaga.saga.store.RunsTable.n;
import static com.paysaga.saga.store.RunsTable.num;
import static com.paysaga.saga.store.RunsTable.pk;
import static com.paysaga.saga.store.RunsTable.s;
import static com.paysaga.saga.store.RunsTable.str;
import static com.paysaga.saga.store.RunsTable.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.paysaga.saga.Stage;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@code EXEC#<name>} items: every attempt on the file, kept (DESIGN.md §4, guarantee 5). */
final class ExecutionItems {

    private final RunsTable t;

    ExecutionItems(RunsTable t) {
        this.t = t;
    }

    static String sk(String name) {
        return "EXEC#" + name;
    }

    void started(ExecutionRecord e) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(pk(e.fileId())));
        item.put("sk", s(sk(e.name())));
        item.put("fileId", s(e.fileId()));
        item.put("name", s(e.name()));
        item.put("startedBy", s(e.startedBy()));
        item.put("fromStage", s(e.fromStage().name()));
        if (e.reason() != null) {
            item.put("reason", s(e.reason()));
        }
        item.put("onlyFailedChunks", AttributeValue.fromBool(e.onlyFailedChunks()));
        item.put("startedAt", s(timestamp(e.startedAt())));
        if (e.outcome() != null) {
            item.put("outcome", s(e.outcome()));
            item.put("endedAt", s(timestamp(e.endedAt() == null ? e.startedAt() : e.endedAt())));
            item.put("durationMs", n(e.durationMs() == null ? 0 : e.durationMs()));
        }
        if (e.error() != null) {
            item.put("error", s(e.error()));
        }
        try {
            t.dynamo.putItem(b -> b.tableName(t.table).item(item).conditionExpression("attribute_not_exists(sk)"));
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            // A retried invocation: the first record, with its start time, stands.
        }
    }

    void ended(String fileId, String name, String outcome, String error) {
        Instant now = t.now();
        Map<String, AttributeValue> before = t.get(fileId, sk(name));
        Instant startedAt = before != null && before.containsKey("startedAt")
                ? Instant.parse(before.get("startedAt").s()) : now;
        UpdateExpression u = new UpdateExpression();
        u.set("fileId", s(fileId));
        u.set("name", s(name));
        u.set("startedAt", s(timestamp(startedAt)));
        u.set("endedAt", s(timestamp(now)));
        u.set("durationMs", n(Duration.between(startedAt, now).toMillis()));
        u.set("outcome", s(outcome));
        if (error == null) {
            u.remove("error");
        } else {
            u.set("error", s(error));
        }
        t.update(fileId, sk(name), u);
    }

    Optional<ExecutionRecord> find(String fileId, String name) {
        Map<String, AttributeValue> item = t.get(fileId, sk(name));
        return item == null ? Optional.empty() : Optional.of(toExecution(item));
    }

    List<ExecutionRecord> all(String fileId) {
        List<ExecutionRecord> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : t.queryPrefix(fileId, "EXEC#")) {
            out.add(toExecution(item));
        }
        out.sort(Comparator.comparing(ExecutionRecord::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    private static ExecutionRecord toExecution(Map<String, AttributeValue> item) {
        String name = item.get("sk").s().substring("EXEC#".length());
        String from = str(item, "fromStage");
        return new ExecutionRecord(RunsTable.fileIdOf(item), name, str(item, "startedBy"),
                from == null ? null : Stage.parse(from), str(item, "reason"),
                item.containsKey("onlyFailedChunks") && Boolean.TRUE.equals(item.get("onlyFailedChunks").bool()),
                instant(item, "startedAt"), instant(item, "endedAt"), str(item, "outcome"), str(item, "error"),
                num(item, "durationMs", null));
    }
}
