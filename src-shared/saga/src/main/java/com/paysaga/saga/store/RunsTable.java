package com.paysaga.saga.store;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The runs table itself, shared by the writers of each record kind: its keys, consistent reads,
 * prefix queries, and the META write rule (the run must exist, and in lease-holder mode the
 * writer must still hold the lease). Also the attribute helpers every record kind uses.
 */
final class RunsTable {

    static final String META = "META";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    final DynamoDbClient dynamo;
    final String table;
    final Clock clock;
    /** When set, every META write requires this execution to hold the lease. */
    final String leaseHolder;

    RunsTable(DynamoDbClient dynamo, String table, Clock clock, String leaseHolder) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.leaseHolder = leaseHolder;
    }

    RunsTable asLeaseHolder(String execution) {
        return new RunsTable(dynamo, table, clock, execution);
    }

    Instant now() {
        return clock.instant();
    }

    static String pk(String fileId) {
        return "FILE#" + fileId;
    }

    static String fileIdOf(Map<String, AttributeValue> item) {
        return item.get("pk").s().substring("FILE#".length());
    }

    /** ISO-8601 UTC with exactly three fraction digits, so that timestamps sort as strings. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    Map<String, AttributeValue> key(String fileId, String sk) {
        return Map.of("pk", s(pk(fileId)), "sk", s(sk));
    }

    Map<String, AttributeValue> get(String fileId, String sk) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key(fileId, sk)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    List<Map<String, AttributeValue>> queryPrefix(String fileId, String prefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(fileId)), ":prefix", s(prefix)));
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(q.build());
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    Optional<RunRecord> findRun(String fileId) {
        Map<String, AttributeValue> item = get(fileId, META);
        return item == null ? Optional.empty() : Optional.of(RunItems.toRun(item));
    }

    /** META updates require the run to exist: a checkpoint for an unknown file is an error, not a new run. */
    void updateMeta(String fileId, UpdateExpression u) {
        String condition = "attribute_exists(pk)";
        if (leaseHolder != null) {
            condition += " AND " + u.name("lease") + "." + u.name("holder") + " = " + u.value(s(leaseHolder));
        }
        u.condition(u.condition() == null ? condition : condition + " AND (" + u.condition() + ")");
        try {
            dynamo.updateItem(u.request(table, key(fileId, META)));
        } catch (ConditionalCheckFailedException e) {
            Optional<RunRecord> run = findRun(fileId);
            if (run.isEmpty()) {
                throw new RunNotFoundException(fileId);
            }
            String holder = run.get().lease().map(Lease::holder).orElse(null);
            if (leaseHolder != null && !leaseHolder.equals(holder)) {
                throw new LeaseLostException(fileId, leaseHolder, holder);
            }
            throw e;
        }
    }

    void update(String fileId, String sk, UpdateExpression u) {
        dynamo.updateItem(u.request(table, key(fileId, sk)));
    }

    static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : v.s();
    }

    static Long num(Map<String, AttributeValue> item, String name, Long absent) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? absent : Long.valueOf(v.n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    /** A map of the non-null values among {@code kv} (name, value, name, value, …), in order. */
    static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
