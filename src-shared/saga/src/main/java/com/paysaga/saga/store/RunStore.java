package com.paysaga.saga.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.paysaga.saga.Stage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The runs table (docs/contracts.md, "Runs table items"): one run per file, its stages, chunks
 * and executions, and the per-file lease.
 *
 * <p>Every write is an {@code UpdateItem} that names the attributes it sets, so writers of the
 * same item (the Batch job and the checkpoint Lambda both write {@code STAGE#Transform}) merge
 * instead of replacing each other's attributes; artifacts and counts are merged key by key.
 * Timestamps are ISO-8601 UTC with exactly three fraction digits, so that they sort as strings
 * (the ByStatus index's range key {@code stageUpdatedAt = <Stage>#<instant>} relies on it).
 */
public class RunStore {

    public static final String META = "META";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String BY_STATUS_INDEX = "ByStatus";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    /** When set, every META write requires this execution to hold the lease ({@link #asLeaseHolder}). */
    private final String leaseHolder;

    public RunStore(DynamoDbClient dynamo, String table, Clock clock) {
        this(dynamo, table, clock, null);
    }

    private RunStore(DynamoDbClient dynamo, String table, Clock clock, String leaseHolder) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.leaseHolder = leaseHolder;
    }

    /**
     * This store for a writer that acts for {@code execution} and can outlive its task: a Batch
     * job keeps running after its Parallel branch was aborted or its execution stopped, until
     * the termination reaches it. Each META write (every stage write starts with one) is then
     * conditional on {@code execution} holding the file's lease, and fails with
     * {@link LeaseLostException} once Record Failure released it or a replay took it over, so
     * a late "stage started" cannot turn a FAILED run back to RUNNING.
     */
    public RunStore asLeaseHolder(String execution) {
        return new RunStore(dynamo, table, clock, execution);
    }

    public RunStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public String table() {
        return table;
    }

    public static String pk(String fileId) {
        return "FILE#" + fileId;
    }

    public static String stageSk(Stage stage) {
        return "STAGE#" + stage.name();
    }

    public static String chunkSk(int index) {
        return String.format("CHUNK#%05d", index);
    }

    public static String execSk(String name) {
        return "EXEC#" + name;
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    // ------------------------------------------------------------------ META

    /** The outcome of {@link #createRun}: the run now recorded, and whether this call created it. */
    public record Creation(RunRecord run, boolean created) {
    }

    /**
     * Creates the META item unless the file id is known; either way returns the run as stored,
     * so that Validate tells a second upload of the same content from a first one.
     */
    public Creation createRun(NewRun run) {
        Instant now = clock.instant();
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
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return new Creation(getRun(run.fileId()), true);
        } catch (ConditionalCheckFailedException exists) {
            return new Creation(getRun(run.fileId()), false);
        }
    }

    public Optional<RunRecord> findRun(String fileId) {
        Map<String, AttributeValue> item = get(fileId, META);
        return item == null ? Optional.empty() : Optional.of(toRun(item));
    }

    public RunRecord getRun(String fileId) {
        return findRun(fileId).orElseThrow(() -> new RunNotFoundException(fileId));
    }

    /** Sets the run status and where it stands; the status index then lists it under that stage. */
    public void updateRunStatus(String fileId, RunStatus status, Stage stage) {
        Update u = new Update();
        u.set("runStatus", s(status.name()));
        u.set("currentStage", s(stage.name()));
        u.set("stageUpdatedAt", s(stage.name() + "#" + timestamp(clock.instant())));
        updateMeta(fileId, u);
    }

    /** Records the route decision (a plain map, the decision's JSON form) and what it chose. */
    public void recordRoute(String fileId, Map<String, Object> route, String format, String profileId) {
        Update u = new Update();
        u.set("route", AttributeValues.of(route));
        u.set("format", s(format));
        u.set("profileId", s(profileId));
        updateMeta(fileId, u);
    }

    public void recordParsedCount(String fileId, long transactions) {
        Update u = new Update();
        u.set("transactionsParsed", n(transactions));
        updateMeta(fileId, u);
    }

    public void recordLoadedCount(String fileId, long transactions) {
        Update u = new Update();
        u.set("transactionsLoaded", n(transactions));
        updateMeta(fileId, u);
    }

    /** Appends a second upload of known content to the run, which otherwise stays as it is. */
    public void recordDuplicateUpload(String fileId, String bucket, String key, String versionId, Instant receivedAt) {
        Map<String, Object> upload = new LinkedHashMap<>();
        upload.put("bucket", bucket);
        upload.put("key", key);
        upload.put("versionId", versionId);
        upload.put("receivedAt", timestamp(receivedAt));
        dynamo.updateItem(b -> b.tableName(table).key(key(fileId, META))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET duplicateUploads = list_append(if_not_exists(duplicateUploads, :empty), :u)")
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromL(List.of()),
                        ":u", AttributeValue.fromL(List.of(AttributeValues.of(upload))))));
    }

    // ------------------------------------------------------------------ lease

    /**
     * Takes, renews or takes over the file's lease for {@code holder}, or refuses with
     * {@link LeaseHeldException}. The write is conditional on the lease still being what was
     * read, so of two racing takers exactly one wins.
     */
    public LeaseGrant acquireLease(String fileId, String holder, Duration ttl) {
        return acquireLease(fileId, holder, ttl, lease -> false);
    }

    /**
     * As {@link #acquireLease(String, String, Duration)}, and a live lease whose holder
     * {@code abandoned} says is no longer running (an execution that timed out or was aborted
     * never reaches the step that releases it) is taken over like a stale one.
     */
    public LeaseGrant acquireLease(String fileId, String holder, Duration ttl,
            java.util.function.Predicate<Lease> abandoned) {
        for (int attempt = 0; ; attempt++) {
            RunRecord run = getRun(fileId);
            Instant now = clock.instant();
            Optional<Lease> current = run.lease();
            LeaseRules.Outcome outcome = LeaseRules.decide(current, holder, now);
            if (outcome == LeaseRules.Outcome.REFUSE && abandoned.test(current.get())) {
                outcome = LeaseRules.Outcome.TAKE_OVER;
            }
            if (outcome == LeaseRules.Outcome.REFUSE) {
                throw new LeaseHeldException(fileId, current.get().holder(), current.get().expiresAt());
            }
            Lease granted = new Lease(holder, now.plus(ttl));
            Update u = new Update();
            u.set("lease", AttributeValues.of(Map.of("holder", holder, "expiresAt", timestamp(granted.expiresAt()))));
            if (current.isEmpty()) {
                u.condition("attribute_not_exists(" + u.name("lease") + ")");
            } else {
                u.condition(u.name("lease") + "." + u.name("holder") + " = " + u.value(s(current.get().holder()))
                        + " AND " + u.name("lease") + "." + u.name("expiresAt") + " = "
                        + u.value(s(timestamp(current.get().expiresAt()))));
            }
            try {
                updateMeta(fileId, u);
                return new LeaseGrant(granted,
                        outcome == LeaseRules.Outcome.TAKE_OVER ? current : Optional.empty());
            } catch (ConditionalCheckFailedException raced) {
                if (attempt >= 2) {
                    RunRecord now2 = getRun(fileId);
                    Lease other = now2.lease().orElse(new Lease("unknown", clock.instant()));
                    throw new LeaseHeldException(fileId, other.holder(), other.expiresAt());
                }
            }
        }
    }

    /** Releases the lease if {@code holder} still holds it; returns whether it did. */
    public boolean releaseLease(String fileId, String holder) {
        Update u = new Update();
        u.remove("lease");
        u.condition(u.name("lease") + "." + u.name("holder") + " = " + u.value(s(holder)));
        try {
            updateMeta(fileId, u);
            return true;
        } catch (ConditionalCheckFailedException notHolder) {
            return false;
        }
    }

    // ------------------------------------------------------------------ STAGE#

    /** A new attempt of {@code stage}: status RUNNING, attempt + 1, the previous outcome cleared. */
    public void stageStarted(String fileId, Stage stage, String execution) {
        Instant now = clock.instant();
        Update u = new Update();
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
        // META first: for an unknown file it fails before a stage item could be orphaned.
        updateRunStatus(fileId, RunStatus.RUNNING, stage);
        update(fileId, stageSk(stage), u);
    }

    /**
     * The stage succeeded. Artifacts and counts are merged into what the item holds (the Batch
     * command records its own before the state machine's checkpoint does).
     */
    public void stageSucceeded(String fileId, Stage stage, String execution, Map<String, String> artifacts,
            Map<String, Long> counts) {
        Update meta = new Update();
        meta.set("currentStage", s(stage.name()));
        meta.set("stageUpdatedAt", s(stage.name() + "#" + timestamp(clock.instant())));
        updateMeta(fileId, meta);
        end(fileId, stage, execution, StageStatus.SUCCEEDED, artifacts, counts, null, null);
    }

    /** The stage failed: the stage item and the run (FAILED, or REJECTED for refused input) say why. */
    public void stageFailed(String fileId, Stage stage, String execution, String error, String cause,
            RunStatus runStatus) {
        stageFailed(fileId, stage, execution, error, cause, runStatus, Map.of());
    }

    /**
     * The stage failed and left artifacts that explain why (Transform's validation report): they
     * are merged into the stage item's {@code artifacts} like a success's.
     */
    public void stageFailed(String fileId, Stage stage, String execution, String error, String cause,
            RunStatus runStatus, Map<String, String> artifacts) {
        Update meta = new Update();
        meta.set("runStatus", s(runStatus.name()));
        meta.set("currentStage", s(stage.name()));
        meta.set("stageUpdatedAt", s(stage.name() + "#" + timestamp(clock.instant())));
        meta.set("lastError", AttributeValues.of(mapOf("stage", stage.name(), "error", error, "cause", cause)));
        updateMeta(fileId, meta);
        end(fileId, stage, execution, StageStatus.FAILED, artifacts, Map.of(), error, cause);
    }

    private void end(String fileId, Stage stage, String execution, StageStatus status, Map<String, String> artifacts,
            Map<String, Long> counts, String error, String cause) {
        Instant now = clock.instant();
        String sk = stageSk(stage);
        Map<String, AttributeValue> before = get(fileId, sk);
        Instant startedAt = before != null && before.containsKey("startedAt")
                ? Instant.parse(before.get("startedAt").s()) : now;
        if (!artifacts.isEmpty() || !counts.isEmpty() || before == null) {
            Update maps = new Update();
            maps.setExpression("artifacts", "if_not_exists(#self, " + maps.value(AttributeValue.fromM(Map.of())) + ")");
            maps.setExpression("counts", "if_not_exists(#self, " + maps.value(AttributeValue.fromM(Map.of())) + ")");
            update(fileId, sk, maps);
        }
        Update u = new Update();
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
        update(fileId, sk, u);
    }

    public Optional<StageRecord> findStage(String fileId, Stage stage) {
        Map<String, AttributeValue> item = get(fileId, stageSk(stage));
        return item == null ? Optional.empty() : Optional.of(toStage(item));
    }

    /** Every recorded stage of the file, in pipeline order. */
    public Map<Stage, StageRecord> stages(String fileId) {
        Map<Stage, StageRecord> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : queryPrefix(fileId, "STAGE#")) {
            StageRecord r = toStage(item);
            out.put(r.stage(), r);
        }
        return out;
    }

    // ------------------------------------------------------------------ CHUNK#

    public void chunkStarted(String fileId, int index, String execution) {
        Update u = new Update();
        u.set("status", s(StageStatus.RUNNING.name()));
        u.set("execution", s(execution));
        u.set("fileId", s(fileId));
        u.add("attempt", n(1));
        u.remove("error");
        update(fileId, chunkSk(index), u);
    }

    public void chunkSucceeded(String fileId, int index, long transactions, String execution) {
        Update u = new Update();
        u.set("status", s(StageStatus.SUCCEEDED.name()));
        u.set("transactions", n(transactions));
        u.set("loadedAt", s(timestamp(clock.instant())));
        u.set("execution", s(execution));
        u.set("fileId", s(fileId));
        u.setExpression("attempt", "if_not_exists(#self, " + u.value(n(1)) + ")");
        u.remove("error");
        update(fileId, chunkSk(index), u);
    }

    public void chunkFailed(String fileId, int index, String execution, String error) {
        Update u = new Update();
        u.set("status", s(StageStatus.FAILED.name()));
        u.set("execution", s(execution));
        u.set("fileId", s(fileId));
        u.set("error", s(error));
        u.setExpression("attempt", "if_not_exists(#self, " + u.value(n(1)) + ")");
        update(fileId, chunkSk(index), u);
    }

    /** The chunk checkpoints of the file by 1-based index. */
    public Map<Integer, ChunkRecord> chunks(String fileId) {
        Map<Integer, ChunkRecord> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : queryPrefix(fileId, "CHUNK#")) {
            int index = Integer.parseInt(item.get("sk").s().substring("CHUNK#".length()));
            out.put(index, new ChunkRecord(fileId, index, enumOf(StageStatus.class, str(item, "status")),
                    num(item, "transactions", 0L), instant(item, "loadedAt"), str(item, "execution"),
                    num(item, "attempt", 0L).intValue(), str(item, "error")));
        }
        return out;
    }

    // ------------------------------------------------------------------ EXEC#

    /** Records the start of an execution; a second call for the same name keeps the first record. */
    public void recordExecutionStarted(ExecutionRecord e) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", s(pk(e.fileId())));
        item.put("sk", s(execSk(e.name())));
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
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(sk)"));
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            // A retried invocation: the first record, with its start time, stands.
        }
    }

    /** Records how an execution ended; creates the record if its start was never written. */
    public void recordExecutionEnded(String fileId, String name, String outcome, String error) {
        Instant now = clock.instant();
        Map<String, AttributeValue> before = get(fileId, execSk(name));
        Instant startedAt = before != null && before.containsKey("startedAt")
                ? Instant.parse(before.get("startedAt").s()) : now;
        Update u = new Update();
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
        update(fileId, execSk(name), u);
    }

    public Optional<ExecutionRecord> findExecution(String fileId, String name) {
        Map<String, AttributeValue> item = get(fileId, execSk(name));
        return item == null ? Optional.empty() : Optional.of(toExecution(item));
    }

    /** Every execution recorded for the file, oldest first. */
    public List<ExecutionRecord> executions(String fileId) {
        List<ExecutionRecord> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : queryPrefix(fileId, "EXEC#")) {
            out.add(toExecution(item));
        }
        out.sort(Comparator.comparing(ExecutionRecord::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    // ------------------------------------------------------------------ ByStatus index

    /**
     * Runs with {@code status}, optionally only those whose status was last set at {@code stage},
     * and only those updated at or after {@code since}; at most {@code limit}, oldest first.
     */
    public List<RunRecord> runsByStatus(RunStatus status, Optional<Stage> stage, Optional<Instant> since, int limit) {
        Map<String, String> names = new HashMap<>(Map.of("#s", "runStatus"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":s", s(status.name())));
        String condition = "#s = :s";
        if (stage.isPresent()) {
            names.put("#u", "stageUpdatedAt");
            String prefix = stage.get().name() + "#";
            values.put(":from", s(prefix + since.map(RunStore::timestamp).orElse("")));
            values.put(":to", s(prefix + "~"));
            condition += " AND #u BETWEEN :from AND :to";
        }
        List<RunRecord> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder().tableName(table).indexName(BY_STATUS_INDEX)
                    .keyConditionExpression(condition).expressionAttributeNames(names)
                    .expressionAttributeValues(values);
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(q.build());
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

    // ------------------------------------------------------------------ item mapping

    private RunRecord toRun(Map<String, AttributeValue> item) {
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
        String fileId = item.get("pk").s().substring("FILE#".length());
        return new RunRecord(fileId, str(item, "partner"), str(item, "bucket"), str(item, "key"),
                str(item, "versionId"), num(item, "size", 0L), str(item, "sha256"), instant(item, "receivedAt"),
                enumOf(RunStatus.class, str(item, "runStatus")), str(item, "stageUpdatedAt"),
                str(item, "currentStage"), str(item, "format"), str(item, "profileId"),
                item.containsKey("route") ? AttributeValues.toMap(item.get("route")) : Map.of(), lease,
                num(item, "transactionsParsed", null), num(item, "transactionsLoaded", null), lastError);
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
        String fileId = item.get("pk").s().substring("FILE#".length());
        Stage stage = Stage.parse(item.get("sk").s().substring("STAGE#".length()));
        return new StageRecord(fileId, stage, enumOf(StageStatus.class, str(item, "status")),
                instant(item, "startedAt"), instant(item, "endedAt"), num(item, "durationMs", null),
                num(item, "attempt", 0L).intValue(), str(item, "execution"), artifacts, counts,
                str(item, "error"), str(item, "cause"));
    }

    private static ExecutionRecord toExecution(Map<String, AttributeValue> item) {
        String fileId = item.get("pk").s().substring("FILE#".length());
        String name = item.get("sk").s().substring("EXEC#".length());
        String from = str(item, "fromStage");
        return new ExecutionRecord(fileId, name, str(item, "startedBy"), from == null ? null : Stage.parse(from),
                str(item, "reason"), item.containsKey("onlyFailedChunks") && Boolean.TRUE.equals(item.get("onlyFailedChunks").bool()),
                instant(item, "startedAt"), instant(item, "endedAt"), str(item, "outcome"), str(item, "error"),
                num(item, "durationMs", null));
    }

    // ------------------------------------------------------------------ DynamoDB plumbing

    private Map<String, AttributeValue> key(String fileId, String sk) {
        return Map.of("pk", s(pk(fileId)), "sk", s(sk));
    }

    private Map<String, AttributeValue> get(String fileId, String sk) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key(fileId, sk)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
    }

    private List<Map<String, AttributeValue>> queryPrefix(String fileId, String prefix) {
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

    /** META updates require the run to exist: a checkpoint for an unknown file is an error, not a new run. */
    private void updateMeta(String fileId, Update u) {
        String condition = "attribute_exists(pk)";
        if (leaseHolder != null) {
            condition += " AND " + u.name("lease") + "." + u.name("holder") + " = " + u.value(s(leaseHolder));
        }
        u.condition(u.condition == null ? condition : condition + " AND (" + u.condition + ")");
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

    private void update(String fileId, String sk, Update u) {
        dynamo.updateItem(u.request(table, key(fileId, sk)));
    }

    /** Builds an UpdateItem expression with placeholders for every name and value. */
    private static final class Update {
        private final List<String> sets = new ArrayList<>();
        private final List<String> adds = new ArrayList<>();
        private final List<String> removes = new ArrayList<>();
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, AttributeValue> values = new LinkedHashMap<>();
        private String condition;

        String name(String attribute) {
            for (var e : names.entrySet()) {
                if (e.getValue().equals(attribute)) {
                    return e.getKey();
                }
            }
            String placeholder = "#n" + names.size();
            names.put(placeholder, attribute);
            return placeholder;
        }

        String value(AttributeValue v) {
            String placeholder = ":v" + values.size();
            values.put(placeholder, v);
            return placeholder;
        }

        /** {@code path} is an attribute name, or {@code map.key} where {@code key} is already a placeholder. */
        private String path(String path) {
            int dot = path.indexOf('.');
            return dot < 0 ? name(path) : name(path.substring(0, dot)) + "." + path.substring(dot + 1);
        }

        void set(String path, AttributeValue v) {
            sets.add(path(path) + " = " + value(v));
        }

        /** Sets {@code attribute} to an expression in which {@code #self} stands for the attribute. */
        void setExpression(String attribute, String expression) {
            String self = name(attribute);
            sets.add(self + " = " + expression.replace("#self", self));
        }

        void add(String attribute, AttributeValue v) {
            adds.add(name(attribute) + " " + value(v));
        }

        void remove(String attribute) {
            removes.add(name(attribute));
        }

        void condition(String expression) {
            this.condition = expression;
        }

        UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
            StringBuilder expr = new StringBuilder();
            if (!sets.isEmpty()) {
                expr.append("SET ").append(String.join(", ", sets));
            }
            if (!adds.isEmpty()) {
                expr.append(expr.isEmpty() ? "" : " ").append("ADD ").append(String.join(", ", adds));
            }
            if (!removes.isEmpty()) {
                expr.append(expr.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
            }
            UpdateItemRequest.Builder b = UpdateItemRequest.builder().tableName(table).key(key)
                    .updateExpression(expr.toString()).returnValues(ReturnValue.NONE);
            if (!names.isEmpty()) {
                b.expressionAttributeNames(names);
            }
            if (!values.isEmpty()) {
                b.expressionAttributeValues(values);
            }
            if (condition != null) {
                b.conditionExpression(condition);
            }
            return b.build();
        }
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.s() == null ? null : v.s();
    }

    private static Long num(Map<String, AttributeValue> item, String name, Long absent) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? absent : Long.valueOf(v.n());
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
