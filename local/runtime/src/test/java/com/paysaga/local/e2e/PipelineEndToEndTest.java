package com.paysaga.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.local.cli.PaySagaCli;
import com.paysaga.local.runtime.FaultProxy;
import com.paysaga.local.runtime.Ingestion;
import com.paysaga.local.runtime.Ingestion.Outcome;
import com.paysaga.local.runtime.Ingestion.Upload;
import com.paysaga.local.runtime.LocalRuntime;
import com.paysaga.local.runtime.LocalStepFunctions;
import com.paysaga.local.runtime.PartnerConfig;
import com.paysaga.local.runtime.Replays;
import com.paysaga.formats.domain.SensitiveValue;
import com.paysaga.saga.Stage;
import com.paysaga.provision.TemplateProvisioner;
import com.paysaga.formats.ParseOptions;
import com.paysaga.formats.PaymentFileParsers;
import com.paysaga.security.KmsEnvelope;
import com.paysaga.security.PgpKeyGenerator;
import com.paysaga.security.PgpMessageWriter;
import com.paysaga.saga.store.ChunkRecord;
import com.paysaga.saga.store.RunRecord;
import com.paysaga.saga.store.RunStore;
import com.paysaga.saga.store.StageStatus;
import com.paysaga.testing.ProjectRoot;

import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole pipeline on one machine, as DESIGN.md §4 promises it: the real state machine,
 * functions, Batch job and template-provisioned emulator. Phases share one runtime and run their
 * files concurrently; each test states one promise of the replay contract.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A file of the first, concurrent upload. */
    record Sample(String label, String partner, String source, byte[] plaintext, Upload upload) {
    }

    private LocalRuntime rt;
    private final Map<String, PgpKeyGenerator.KeyRing> pgpRings = new LinkedHashMap<>();
    private String notificationsQueue;
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private final Map<String, Outcome> firstRun = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, AttributeValue>>> cleanTables = new ConcurrentHashMap<>();

    // The partners of the fault scenarios: one file each, so faults stay file-specific.
    private static final List<String> FAULT_PARTNERS = List.of("f-validate", "f-route", "f-decrypt", "f-transform",
            "f-archive", "f-load", "f-finalize");

    private List<ObjectNode> profiles(boolean faulty) {
        List<ObjectNode> p = new ArrayList<>(List.of(
                PartnerConfig.onTime("e2e-ach", "NACHA"),
                PartnerConfig.profile("e2e-pgp", "NACHA", "PGP", "23:30", "PROCESS_AND_FLAG_LATE"),
                PartnerConfig.onTime("e2e-sepa", "CAMT_053"),
                PartnerConfig.profile("e2e-notify", "CAMT_054", "KMS", "23:30", "PROCESS_AND_FLAG_LATE"),
                PartnerConfig.onTime("e2e-pain", "PAIN_001"),
                PartnerConfig.onTime("e2e-bai2", "BAI2"),
                PartnerConfig.onTime("e2e-mt940", "MT940"),
                PartnerConfig.onTime("e2e-card", "PROCESSOR_CSV")));
        if (!faulty) {
            p.add(PartnerConfig.onTime("f-validate", "NACHA"));
        }
        // Route's fault: the file is after the day's cut-off and the profile rejects late files.
        p.add(faulty ? PartnerConfig.profile("f-route", "NACHA", "NONE", "06:00", "REJECT") : PartnerConfig.onTime("f-route", "NACHA"));
        p.add(PartnerConfig.profile("f-decrypt", "NACHA", "PGP", "23:30", "PROCESS_AND_FLAG_LATE"));
        p.add(PartnerConfig.onTime("f-transform", "NACHA"));
        p.add(PartnerConfig.onTime("f-archive", "NACHA"));
        ObjectNode load = PartnerConfig.onTime("f-load", "NACHA");
        load.put("chunkSize", 1);
        // One chunk at a time: chunk 1 loads, chunk 2 fails and the Map stops before chunk 3, so
        // the fault run leaves one chunk of each kind (loaded, failed, never started) whatever the timing.
        load.put("loadConcurrency", 1);
        p.add(load);
        p.add(PartnerConfig.onTime("f-finalize", "NACHA"));
        return p;
    }

    @BeforeAll
    void uploadTwentyFilesAtOnce() throws Exception {
        rt = E2eEnvironment.runtime();
        PartnerConfig.writeProfiles(rt, profiles(false));
        rt.recycleFunctions();
        notificationsQueue = subscribeQueueToNotifications();

        Path root = ProjectRoot.get();
        byte[] ach = Files.readAllBytes(root.resolve("events/files/ach/ppd-payroll.ach"));
        byte[] ccd = Files.readAllBytes(root.resolve("events/files/ach/ccd.ach"));
        add("payroll.ach.pgp", "e2e-pgp", NachaVariants.variant(ach, "pgp"));
        add("statement.xml", "e2e-sepa", read("events/files/iso20022/camt053-v08-multicurrency.xml"));
        add("notification.xml", "e2e-notify", read("events/files/iso20022/camt054-v08-debit-notification.xml"));
        add("transfers.xml", "e2e-pain", read("events/files/iso20022/pain001-v03-sepa-two-batches.xml"));
        add("prior-day.bai", "e2e-bai2", read("events/files/bai2/bai2-two-groups.bai"));
        add("statements.sta", "e2e-mt940", read("events/files/mt940/mt940-swift-blocks-paged.sta"));
        add("settlement.csv", "e2e-card", read("events/files/csv/cardproc-daily-settlement.csv"));
        add("ccd.ach", "e2e-ach", read("events/files/ach/ccd.ach"));
        for (String partner : FAULT_PARTNERS) {
            add(partner + ".ach", partner, NachaVariants.variant(ccd, partner));
        }
        for (int i = 1; samples.size() < 20; i++) {
            add("batch-" + i + ".ach", "e2e-ach", NachaVariants.variant(ach, "b" + i));
        }
        List<Outcome> outcomes = Ingestion.run(rt, samples.values().stream().map(Sample::upload).toList(),
                new PrintWriter(System.err, true), E2eEnvironment.RUN_TIMEOUT);
        for (Outcome o : outcomes) {
            firstRun.put(o.upload().label(), o);
            cleanTables.put(o.upload().label(), E2eEnvironment.transactions(rt, o.upload().fileId()));
        }
    }

    private byte[] read(String path) throws Exception {
        return Files.readAllBytes(ProjectRoot.resolve(path));
    }

    private void add(String label, String partner, byte[] plaintext) throws Exception {
        Upload u;
        if (partner.equals("e2e-pgp") || partner.equals("f-decrypt")) {
            PgpKeyGenerator.KeyRing ring = pgpRings.get(partner);
            if (ring == null) {
                ring = PartnerConfig.installPgpKey(rt, partner);
                pgpRings.put(partner, ring);
            }
            u = Upload.of(label, partner, label, new PgpMessageWriter().encrypt(plaintext, ring.encryptionKey(),
                    PgpMessageWriter.Options.standard()));
        } else if (partner.equals("e2e-notify")) {
            try (KmsClient kms = rt.clients().kms()) {
                var sealed = new KmsEnvelope(kms).encrypt(rt.stack().attribute("PartnerSecretsKey", "Arn"),
                        Map.of("paysaga:partner", partner), plaintext);
                u = Upload.of(label, partner, label, sealed.body(), sealed.metadata());
            }
        } else {
            u = Upload.of(label, partner, label, plaintext);
        }
        samples.put(label, new Sample(label, partner, label, plaintext, u));
    }

    // ------------------------------------------------------------------ 1 and 6

    @Test
    @Order(1)
    void everyFormatLoadsTheCountAndTotalsThatParseSummaryReports() throws Exception {
        for (String label : List.of("payroll.ach.pgp", "statement.xml", "notification.xml", "transfers.xml",
                "prior-day.bai", "statements.sta", "settlement.csv", "ccd.ach")) {
            Sample s = samples.get(label);
            assertThat(firstRun.get(label).status()).as(label).isEqualTo("COMPLETED");
            JsonNode summary = parseSummary(s);
            assertThat(summary.get("valid").asBoolean()).as(label + " is a valid sample").isTrue();
            var items = cleanTables.get(label).values();
            assertThat(items).as(label + " item count").hasSize(summary.get("transactions").asInt());
            Map<String, Map<String, Long>> totals = new TreeMap<>();
            for (var item : items) {
                totals.computeIfAbsent(item.get("currency").s(), c -> new TreeMap<>(Map.of("debit", 0L, "credit", 0L)))
                        .merge(item.get("direction").s().toLowerCase(), Long.parseLong(item.get("amountMinor").n()), Long::sum);
            }
            Map<String, Map<String, Long>> expected = new TreeMap<>();
            summary.get("totals").fields().forEachRemaining(e -> expected.put(e.getKey(),
                    new TreeMap<>(Map.of("debit", e.getValue().get("debit").asLong(), "credit", e.getValue().get("credit").asLong()))));
            assertThat(totals).as(label + " totals").isEqualTo(expected);
        }
    }

    private JsonNode parseSummary(Sample s) throws Exception {
        Path file = Files.createTempFile("e2e-", "-" + s.label().replace(".pgp", ""));
        Files.write(file, s.plaintext());
        StringWriter out = new StringWriter();
        CommandLine cli = PaySagaCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        List<String> args = new ArrayList<>(List.of("parse", "--summary", file.toString()));
        if (s.partner().equals("e2e-card")) {
            args.addAll(List.of("--csv-mapping", "cardproc-daily-settlement"));
        }
        cli.execute(args.toArray(String[]::new));
        return JSON.readTree(out.toString());
    }

    @Test
    @Order(2)
    void twentyFilesUploadedAtOnceAllCompleteWithNoItemLostOrDuplicated() {
        assertThat(firstRun).hasSize(20);
        Set<String> allTxnIds = new HashSet<>();
        for (Outcome o : firstRun.values()) {
            assertThat(o.status()).as(o.upload().label()).isEqualTo("COMPLETED");
            RunRecord run = o.run().orElseThrow();
            var items = cleanTables.get(o.upload().label());
            assertThat((long) items.size()).as(o.upload().label() + " loaded = parsed = items")
                    .isEqualTo(run.transactionsParsed()).isEqualTo(run.transactionsLoaded());
            for (String txnId : items.keySet()) {
                assertThat(allTxnIds.add(txnId)).as("txnId " + txnId + " belongs to one file only").isTrue();
                assertThat(txnId).startsWith(o.upload().fileId());
            }
        }
    }

    // ------------------------------------------------------------------ 5

    @Test
    @Order(3)
    void theSameContentUploadedTwiceIsOneRunAndTheSecondIsDuplicate() throws Exception {
        Sample s = samples.get("batch-1.ach");
        Upload again = Upload.of("batch-1 again.ach", s.partner(), "batch-1-again.ach", s.upload().content());
        Outcome o = Ingestion.run(rt, List.of(again), new PrintWriter(System.err, true), E2eEnvironment.RUN_TIMEOUT).get(0);
        assertThat(o.result().status().name()).isEqualTo("SUCCEEDED");
        assertThat(o.run().orElseThrow().runStatus().name()).isEqualTo("COMPLETED");
        try (DynamoDbClient dynamo = rt.clients().dynamoDb()) {
            var execs = new RunStore(dynamo, rt.stack().ref("RunsTable")).executions(s.upload().fileId());
            assertThat(execs).anySatisfy(e -> assertThat(e.outcome()).isEqualTo("DUPLICATE"));
        }
        assertThat(E2eEnvironment.transactions(rt, s.upload().fileId())).isEqualTo(cleanTables.get("batch-1.ach"));
    }

    @Test
    @Order(4)
    void twoReplaysOfOneFileStartedAtOnceRunOneAndRefuseTheOther() throws Exception {
        Sample s = samples.get("batch-2.ach");
        List<Object> answers = new ArrayList<>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> f = new ArrayList<>();
            for (String operator : List.of("operator-a", "operator-b")) {
                ObjectNode request = JSON.createObjectNode().put("fileId", s.upload().fileId()).put("fromStage", "Load")
                        .put("reason", "e2e: " + operator + " replays the file").put("startedBy", operator);
                f.add(pool.submit((Callable<Object>) () -> {
                    try {
                        return Replays.request(rt, request);
                    } catch (Replays.ReplayRefusedException e) {
                        return e;
                    }
                }));
            }
            for (Future<Object> x : f) {
                answers.add(x.get());
            }
        }
        List<JsonNode> started = answers.stream().filter(JsonNode.class::isInstance).map(JsonNode.class::cast).toList();
        List<Replays.ReplayRefusedException> refused = answers.stream().filter(Replays.ReplayRefusedException.class::isInstance)
                .map(Replays.ReplayRefusedException.class::cast).toList();
        assertThat(started).hasSize(1);
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).errorType()).contains("LeaseHeld");
        assertThat(refused.get(0).getMessage()).contains(s.upload().fileId().substring(0, 16));
        follow(Replays.started(rt, started.get(0)));
        assertThat(E2eEnvironment.transactions(rt, s.upload().fileId())).isEqualTo(cleanTables.get("batch-2.ach"));
    }

    // ------------------------------------------------------------------ 3

    @Test
    @Order(5)
    void replayingACompletedFileFromEveryStageThreeTimesChangesNothing() throws Exception {
        List<String> completed = List.of("batch-3.ach", "batch-4.ach", "batch-5.ach", "ccd.ach", "transfers.xml",
                "statements.sta", "prior-day.bai");
        Map<Stage, String> files = new LinkedHashMap<>();
        Stage[] stages = Stage.values();
        for (int i = 0; i < stages.length; i++) {
            files.put(stages[i], completed.get(i));
        }
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (var e : files.entrySet()) {
                work.add(pool.submit(() -> {
                    Sample s = samples.get(e.getValue());
                    for (int attempt = 1; attempt <= 3; attempt++) {
                        List<Outcome> o = replay(s.upload().fileId(), e.getKey(), false, "e2e: replay " + attempt);
                        assertThat(o).singleElement().satisfies(x -> assertThat(x.status()).as(e.getKey() + " #").isEqualTo("COMPLETED"));
                        assertThat(E2eEnvironment.transactions(rt, s.upload().fileId()))
                                .as("after replay %d from %s", attempt, e.getKey()).isEqualTo(cleanTables.get(e.getValue()));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
    }

    // ------------------------------------------------------------------ 2 and 4

    @Test
    @Order(6)
    void aFaultAtEachStageIsRecordedNotifiedAndAReplayFromThatStageRestoresTheCleanTable() throws Exception {
        Map<String, Stage> stageOf = Map.of("f-validate", Stage.Validate, "f-route", Stage.Route, "f-decrypt", Stage.Decrypt,
                "f-transform", Stage.Transform, "f-archive", Stage.Archive, "f-load", Stage.Load, "f-finalize", Stage.Finalize);
        Map<String, Sample> faulty = new LinkedHashMap<>();
        for (String p : FAULT_PARTNERS) {
            Sample s = samples.get(p + ".ach");
            faulty.put(p, s);
            E2eEnvironment.forget(rt, s.upload().fileId(), p, s.upload().key());
        }
        // Injected by real means: configuration, a disabled key, killed processes, revoked permissions.
        PartnerConfig.writeProfiles(rt, profiles(true));
        rt.recycleFunctions();
        // A disabled PartnerSecretsKey: moto accepts Decrypt under a disabled key, so the job's
        // proxy answers f-decrypt's key unwrap the way KMS answers for a disabled key.
        String partnerKeyArn = rt.stack().attribute("PartnerSecretsKey", "Arn");
        FaultProxy job = rt.faults(LocalRuntime.BATCH_JOB);
        job.inject("disabled-key", r -> r.service().equals("kms") && r.operation().equals("Decrypt")
                && r.body().contains("f-decrypt"), FaultProxy.Response.json(400, "DisabledException", partnerKeyArn + " is disabled."));
        List<String> seqOrdered = new ArrayList<>(cleanTables.get("f-load.ach").values().stream()
                .sorted((a, b) -> Long.compare(Long.parseLong(a.get("seq").n()), Long.parseLong(b.get("seq").n())))
                .map(i -> i.get("txnId").s()).toList());
        String secondChunkTxn = seqOrdered.get(1);
        FaultProxy load = rt.faults("LoadFunction");
        // Not throttling: the SDK's and the loader's own backoff would stretch each attempt to
        // minutes; a revoked permission fails at once, and only for chunk 2's write.
        load.inject("deny-chunk-2", r -> r.operation().equals("BatchWriteItem") && r.body().contains(secondChunkTxn),
                FaultProxy.Response.json(400, "AccessDeniedException",
                        "User: arn:aws:sts::123456789012:assumed-role/load/x is not authorized to perform: dynamodb:BatchWriteItem"));
        String finalizeFile = faulty.get("f-finalize").upload().fileId();
        FaultProxy checkpoint = rt.faults("CheckpointFunction");
        checkpoint.inject("deny-completion", r -> r.service().equals("sns") && r.operation().equals("Publish")
                && r.body().contains(finalizeFile), FaultProxy.Response.query(403, "AuthorizationError",
                        "User is not authorized to perform: SNS:Publish"));
        Set<String> killed = ConcurrentHashMap.newKeySet();
        Thread killer = Thread.ofVirtual().start(() -> killJobs(Map.of(
                "transform", faulty.get("f-transform").upload().fileId(),
                "archive", faulty.get("f-archive").upload().fileId()), killed));

        List<Outcome> failedRuns;
        try {
            failedRuns = Ingestion.run(rt, faulty.values().stream().map(Sample::upload).toList(),
                    new PrintWriter(System.err, true), E2eEnvironment.RUN_TIMEOUT);
        } finally {
            killer.interrupt();
        }
        assertThat(killed).containsExactlyInAnyOrder("transform", "archive");
        List<Message> notifications = receive(notificationsQueue, FAULT_PARTNERS.size());
        try (DynamoDbClient dynamo = rt.clients().dynamoDb()) {
            RunStore runs = new RunStore(dynamo, rt.stack().ref("RunsTable"));
            for (Outcome o : failedRuns) {
                String partner = o.upload().partner();
                Stage stage = stageOf.get(partner);
                assertThat(o.result().status().name()).as(partner).isEqualTo("FAILED");
                RunRecord run = runs.findRun(o.upload().fileId()).orElseThrow();
                assertThat(run.runStatus().name()).as(partner + " run status").isIn("FAILED", "REJECTED");
                assertThat(run.lastError()).as(partner + " recorded error").isNotNull();
                assertThat(run.lastError().stage()).as(partner + " failed stage").isEqualTo(stage.name());
                assertThat(run.lastError().error()).as(partner + " error").isNotBlank();
                assertThat(run.lastError().cause()).as(partner + " cause").isNotBlank();
                assertThat(notifications).as(partner + " notification")
                        .anySatisfy(m -> assertThat(m.body()).contains(o.upload().fileId()).contains(stage.name()));
            }
            Map<Integer, ChunkRecord> chunks = runs.chunks(faulty.get("f-load").upload().fileId());
            assertThat(chunks.get(1).status()).isEqualTo(StageStatus.SUCCEEDED);
            assertThat(chunks.get(2).status()).isEqualTo(StageStatus.FAILED);
            assertThat(chunks).as("the Map stopped at chunk 2's failure").doesNotContainKey(3);
        }
        assertThat(job.clear("disabled-key")).isPositive();
        assertThat(load.clear("deny-chunk-2")).isPositive();
        assertThat(checkpoint.clear("deny-completion")).isPositive();

        // The causes removed, a replay from each failed stage completes.
        PartnerConfig.writeProfiles(rt, profiles(false));
        rt.recycleFunctions();
        Map<Integer, String> loadChunkExecutionsBefore = chunkExecutions(faulty.get("f-load").upload().fileId());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (var e : faulty.entrySet()) {
                work.add(pool.submit(() -> {
                    Stage stage = stageOf.get(e.getKey());
                    String fileId = e.getValue().upload().fileId();
                    List<Outcome> o = replay(fileId, stage, stage == Stage.Load, "e2e: cause removed");
                    assertThat(o).singleElement().satisfies(x -> assertThat(x.status()).as(e.getKey()).isEqualTo("COMPLETED"));
                    // The fault run is a new upload, routed by its own arrival time: when a cut-off
                    // passes between the clean run and this one, its settlement window differs.
                    assertThat(withoutArrivalRouting(E2eEnvironment.transactions(rt, fileId)))
                            .as(e.getKey() + " equals its clean run, item for item")
                            .isEqualTo(withoutArrivalRouting(cleanTables.get(e.getKey() + ".ach")));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        // onlyFailedChunks: the loaded chunk 1 was skipped; the failed and the never-started chunk ran.
        Map<Integer, String> after = chunkExecutions(faulty.get("f-load").upload().fileId());
        assertThat(after.get(1)).isEqualTo(loadChunkExecutionsBefore.get(1));
        assertThat(after.get(2)).isNotEqualTo(loadChunkExecutionsBefore.get(2)).contains("replay-load");
        assertThat(after.get(3)).contains("replay-load");
    }

    private static Map<String, Map<String, AttributeValue>> withoutArrivalRouting(Map<String, Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> out = new TreeMap<>();
        items.forEach((id, item) -> {
            Map<String, AttributeValue> kept = new TreeMap<>(item);
            kept.remove("settlementWindow");
            kept.remove("late");
            out.put(id, kept);
        });
        return out;
    }

    private Map<Integer, String> chunkExecutions(String fileId) {
        try (DynamoDbClient dynamo = rt.clients().dynamoDb()) {
            Map<Integer, String> out = new TreeMap<>();
            new RunStore(dynamo, rt.stack().ref("RunsTable")).chunks(fileId).forEach((i, c) -> out.put(i, c.execution()));
            return out;
        }
    }

    /** Kills (SIGKILL) the job of each command for its file as soon as its process runs. */
    private void killJobs(Map<String, String> commandToFileId, Set<String> killed) {
        try {
            while (killed.size() < commandToFileId.size()) {
                for (JsonNode job : rt.batch().jobs()) {
                    if (!job.path("Status").asText().equals("RUNNING")) {
                        continue;
                    }
                    JsonNode cmd = job.path("Container").path("Command");
                    String command = cmd.path(0).asText();
                    String fileId = commandToFileId.get(command);
                    if (fileId != null && cmd.toString().contains(fileId) && !killed.contains(command)) {
                        rt.batch().processOf(job.get("JobId").asText()).ifPresent(p -> {
                            p.destroyForcibly();
                            killed.add(command);
                        });
                    }
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ 7

    @Test
    @Order(7)
    void noTableStagedObjectLogOrHistoryHoldsAPlaintextAccountNumberOrPan() throws Exception {
        Set<String> secrets = new HashSet<>();
        for (Sample s : samples.values()) {
            var options = new ParseOptions("scan", s.label(), Set.of(), 100, java.util.Optional.empty(),
                    s.partner().equals("e2e-card") ? java.util.Optional.of("cardproc-daily-settlement") : java.util.Optional.empty());
            PaymentFileParsers.standard().parse(new java.io.ByteArrayInputStream(s.plaintext()), options, java.util.Optional.empty(), t -> {
                for (SensitiveValue v : new SensitiveValue[] {t.debtorAccount(), t.creditorAccount()}) {
                    if (v != null && v.reveal().replaceAll("[^A-Za-z0-9]", "").length() >= 6) {
                        secrets.add(v.reveal());
                    }
                }
            });
        }
        assertThat(secrets).as("the inputs hold account numbers to look for").hasSizeGreaterThan(5);
        List<String> leaks = new ArrayList<>();
        try (DynamoDbClient dynamo = rt.clients().dynamoDb()) {
            for (String table : List.of("RunsTable", "TransactionsTable", "TokensTable")) {
                for (var item : dynamo.scanPaginator(b -> b.tableName(rt.stack().ref(table))).items()) {
                    scan(table + " item", item.toString(), secrets, leaks);
                }
            }
        }
        // Inbound and work hold the partner's file as received and its decrypted working copy
        // (KMS-encrypted at rest, short-lived by lifecycle): account numbers are there by design.
        try (S3Client s3 = rt.clients().s3()) {
            for (String bucket : List.of("StagingBucket", "ArchiveBucket", "ConfigBucket")) {
                String name = rt.stack().ref(bucket);
                for (var o : s3.listObjectsV2Paginator(b -> b.bucket(name)).contents()) {
                    String text = s3.getObjectAsBytes(b -> b.bucket(name).key(o.key())).asString(StandardCharsets.ISO_8859_1);
                    scan("s3://" + name + "/" + o.key(), text, secrets, leaks);
                }
            }
        }
        for (Path log : E2eEnvironment.files(rt.logDir())) {
            scan(log.toString(), Files.readString(log, StandardCharsets.ISO_8859_1), secrets, leaks);
        }
        for (Path record : E2eEnvironment.files(ProjectRoot.resolve("local/runtime/target/e2e-state/executions"))) {
            scan(record.toString(), Files.readString(record), secrets, leaks);
        }
        assertThat(leaks).as("places holding a clear account number or PAN").isEmpty();
    }

    private static void scan(String where, String raw, Set<String> secrets, List<String> leaks) {
        // The emulator's account id (in every ARN and bucket name) is also a favourite sample account number.
        // An account number counts where it stands as a value of its own, not inside a longer
        // one: the ACH sample's account 12345678 is also the head of its company id 1234567890.
        String text = raw.replace(TemplateProvisioner.DEFAULT_ACCOUNT_ID, "<account>");
        for (String s : secrets) {
            if (Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(s) + "(?![A-Za-z0-9])").matcher(text).find()) {
                leaks.add(where + " holds ****" + s.substring(s.length() - 4));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<Outcome> replay(String fileId, Stage from, boolean onlyFailedChunks, String reason) throws Exception {
        ObjectNode request = JSON.createObjectNode().put("fileId", fileId).put("fromStage", from.name())
                .put("onlyFailedChunks", onlyFailedChunks).put("reason", reason).put("startedBy", "e2e");
        JsonNode answer;
        try {
            answer = Replays.request(rt, request);
        } catch (Replays.ReplayRefusedException e) {
            return fail("replay of " + fileId + " from " + from + " refused: " + e.getMessage());
        }
        return follow(Replays.started(rt, answer));
    }

    private List<Outcome> follow(Map<Upload, LocalStepFunctions.Started> started) throws InterruptedException {
        return Ingestion.follow(rt, started, Instant.now(), new PrintWriter(System.err, true), E2eEnvironment.RUN_TIMEOUT);
    }

    private String subscribeQueueToNotifications() {
        try (SqsClient sqs = rt.clients().configure(SqsClient.builder()).build(); var sns = rt.clients().sns()) {
            String url = sqs.createQueue(b -> b.queueName(rt.stack().stackName() + "-notifications-e2e")).queueUrl();
            String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            sns.subscribe(b -> b.topicArn(rt.stack().ref("NotificationsTopic")).protocol("sqs").endpoint(arn));
            return url;
        }
    }

    /** Every notification in the queue, waiting (long polls) until at least {@code atLeast} failures arrived. */
    private List<Message> receive(String url, int atLeast) {
        List<Message> all = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        try (SqsClient sqs = rt.clients().configure(SqsClient.builder()).build()) {
            while (Instant.now().isBefore(deadline)
                    && all.stream().filter(m -> m.body().contains("RunFailed") || m.body().contains("run failed")).count() < atLeast) {
                all.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(2)).messages());
            }
        }
        return all;
    }
}
