package com.paysaga.saga.store;

import static com.paysaga.saga.store.RunsTable.enumOf;
import static com.paysaga.saga.store.RunsTable.instant;
import static com.paysaga.saga.store.RunsTable.n;
import static com.paysaga.saga.store.RunsTable.num;
import static com.paysaga.saga.store.RunsTable.s;
import static com.paysaga.saga.store.RunsTable.str;
import static com.paysaga.saga.store.RunsTable.timestamp;

import java.util.Map;
import java.util.TreeMap;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code CHUNK#<n>} items: Load's checkpoint per staging chunk, what {@code onlyFailedChunks} reads. */
final class ChunkItems {

    private final RunsTable t;

    ChunkItems(RunsTable t) {
        this.t = t;
    }

    static String sk(int index) {
        return String.format("CHUNK#%05d", index);
    }

    void started(String fileId, int index, String execution) {
        UpdateExpression u = new UpdateExpression();
        u.set("status", s(StageStatus.RUNNING.name()));
        u.set("execution", s(execution));
        u.set("fileId", s(fileId));
        u.add("attempt", n(1));
        u.remove("error");
        t.update(fileId, sk(index), u);
    }

    void succeeded(String fileId, int index, long transactions, String execution) {
        UpdateExpression u = new UpdateExpression();
        u.set("status", s(StageStatus.SUCCEEDED.name()));
        u.set("transactions", n(transactions));
        u.set("loadedAt", s(timestamp(t.now())));
        u.set("execution", s(execution));
        u.set("fileId", s(fileId));
        u.setExpression("attempt", "if_not_exists(#self, " + u.value(n(1)) + ")");
        u.remove("error");
        t.update(fileId, sk(index), u);
    }

    void failed(String fileId, int index, String execution, String error) {
        UpdateExpression u = new UpdateExpression();
        u.set("status", s(StageStatus.FAILED.name()));
        u.set("execution", s(execution));
        u.set("fileId", s(fileId));
        u.set("error", s(error));
        u.setExpression("attempt", "if_not_exists(#self, " + u.value(n(1)) + ")");
        t.update(fileId, sk(index), u);
    }

    Map<Integer, ChunkRecord> all(String fileId) {
        Map<Integer, ChunkRecord> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : t.queryPrefix(fileId, "CHUNK#")) {
            int index = Integer.parseInt(item.get("sk").s().substring("CHUNK#".length()));
            out.put(index, new ChunkRecord(fileId, index, enumOf(StageStatus.class, str(item, "status")),
                    num(item, "transactions", 0L), instant(item, "loadedAt"), str(item, "execution"),
                    num(item, "attempt", 0L).intValue(), str(item, "error")));
        }
        return out;
    }
}
