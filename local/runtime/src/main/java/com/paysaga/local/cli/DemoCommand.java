package com.paysaga.local.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.paysaga.local.runtime.Ingestion;
import com.paysaga.local.runtime.Ingestion.Outcome;
import com.paysaga.local.runtime.Ingestion.Upload;
import com.paysaga.local.runtime.LocalRuntime;
import com.paysaga.local.runtime.LocalStepFunctions;
import com.paysaga.local.runtime.PartnerConfig;
import com.paysaga.local.runtime.Replays;
import com.paysaga.saga.Stage;
import com.paysaga.security.KmsEnvelope;
import com.paysaga.security.PgpKeyGenerator;
import com.paysaga.security.PgpMessageWriter;

import com.paysaga.saga.store.RunStore;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The whole pipeline on this machine: a sample of every format (one PGP-encrypted, one sealed
 * in a KMS envelope, one arriving after its cut-off), a deliberately broken file and its
 * recorded failure, and a replay from a middle stage. Exits 0 only when every expected outcome
 * happened.
 */
@Command(name = "demo", description = "Run every format's sample, a late file, a broken file and a replay, and report.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--timeout", defaultValue = "PT20M")
    Duration timeout;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Sample(String label, String partner, String source, String expectedStatus) {
    }

    /** Each uploaded once per content: a demo that runs twice reuses the same files, so the run is a replay. */
    private static final List<Sample> SAMPLES = List.of(
            new Sample("payroll.ach.pgp", "demo-ach", "events/files/ach/ppd-payroll.ach", "COMPLETED"),
            new Sample("statement.xml", "demo-sepa", "events/files/iso20022/camt053-v02-statement.xml", "COMPLETED"),
            new Sample("notification.xml", "demo-notify", "events/files/iso20022/camt054-v02-credit-notification.xml", "COMPLETED"),
            new Sample("transfers.xml", "demo-pain", "events/files/iso20022/pain001-v09-uetr.xml", "COMPLETED"),
            new Sample("prior-day.bai", "demo-bai2", "events/files/bai2/bai2-two-groups.bai", "COMPLETED"),
            new Sample("statements.sta", "demo-mt940", "events/files/mt940/mt940-bare-two-statements.sta", "COMPLETED"),
            new Sample("settlement.csv", "demo-card", "events/files/csv/cardproc-daily-settlement.csv", "COMPLETED"),
            new Sample("late-payroll.ach", "demo-late", "events/files/ach/ccd.ach", "COMPLETED"),
            new Sample("broken.ach", "demo-plain", "events/files/ach/bad-entry-hash.ach", "REJECTED"));

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path root = runtime.root.toAbsolutePath().normalize();
        Instant start = Instant.now();
        try (LocalRuntime rt = runtime.start()) {
            out.println("== PaySaga demo: stack " + rt.stack().stackName() + " at " + rt.clients().endpoint().orElseThrow());
            PartnerConfig.writeProfiles(rt, List.of(
                    PartnerConfig.profile("demo-ach", "NACHA", "PGP", "23:30", "PROCESS_AND_FLAG_LATE"),
                    PartnerConfig.profile("demo-sepa", "CAMT_053", "NONE", "23:30", "PROCESS_AND_FLAG_LATE"),
                    PartnerConfig.profile("demo-notify", "CAMT_054", "KMS", "23:30", "PROCESS_AND_FLAG_LATE"),
                    PartnerConfig.onTime("demo-pain", "PAIN_001"),
                    PartnerConfig.onTime("demo-bai2", "BAI2"),
                    PartnerConfig.onTime("demo-mt940", "MT940"),
                    PartnerConfig.onTime("demo-card", "PROCESSOR_CSV"),
                    PartnerConfig.profile("demo-late", "NACHA", "NONE", "06:00", "PROCESS_AND_FLAG_LATE"),
                    PartnerConfig.onTime("demo-plain", "NACHA")));
            PgpKeyGenerator.KeyRing ring = PartnerConfig.installPgpKey(rt, "demo-ach");
            out.println("partner profiles and demo-ach's PGP key installed in s3://" + rt.stack().ref("ConfigBucket"));

            List<Upload> uploads = new ArrayList<>();
            Map<Upload, Sample> samples = new LinkedHashMap<>();
            for (Sample s : SAMPLES) {
                byte[] content = Files.readAllBytes(root.resolve(s.source()));
                Upload u;
                if (s.partner().equals("demo-ach")) {
                    // Encrypted to the key ring installed above: a fresh session key makes it a new
                    // file on every demo run, so its run always goes through Decrypt.
                    content = new PgpMessageWriter().encrypt(content, ring.encryptionKey(), PgpMessageWriter.Options.standard());
                    u = Upload.of(s.label(), s.partner(), s.label(), content);
                } else if (s.partner().equals("demo-notify")) {
                    try (KmsClient kms = rt.clients().kms()) {
                        var sealed = new KmsEnvelope(kms).encrypt(rt.stack().attribute("PartnerSecretsKey", "Arn"),
                                Map.of("paysaga:partner", s.partner()), content);
                        u = Upload.of(s.label(), s.partner(), s.label(), sealed.body(), sealed.metadata());
                    }
                } else {
                    u = Upload.of(s.label(), s.partner(), s.label(), content);
                }
                uploads.add(u);
                samples.put(u, s);
            }
            out.println("uploading " + uploads.size() + " files to s3://" + rt.stack().ref("InboundBucket") + "/inbound/…");
            out.flush();
            List<Outcome> outcomes = Ingestion.run(rt, uploads, err, timeout);
            List<String> problems = new ArrayList<>();
            Map<String, Outcome> byLabel = new LinkedHashMap<>();
            for (Outcome o : outcomes) {
                byLabel.put(o.upload().label(), o);
                String expected = samples.get(o.upload()).expectedStatus();
                if (!o.status().equals(expected)) {
                    problems.add(o.upload().label() + ": expected " + expected + ", got " + o.status()
                            + (o.result().error() == null ? "" : " (" + o.result().error() + ")"));
                }
            }
            Outcome late = byLabel.get("late-payroll.ach");
            boolean flaggedLate = late.run().map(r -> Boolean.TRUE.equals(r.route().get("late"))).orElse(false);
            if (!flaggedLate) {
                problems.add("late-payroll.ach: expected the route decision to flag it late");
            }

            out.println();
            out.println("== The broken file's recorded failure");
            Outcome broken = byLabel.get("broken.ach");
            try (DynamoDbClient dynamo = rt.clients().dynamoDb()) {
                RunStore runs = new RunStore(dynamo, rt.stack().ref("RunsTable"));
                broken.run().ifPresentOrElse(r -> StatusCommand.print(out, runs, r),
                        () -> problems.add("broken.ach: no run record"));
                broken.run().filter(r -> r.lastError() == null || !Stage.Transform.name().equals(r.lastError().stage()))
                        .ifPresent(r -> problems.add("broken.ach: expected its failure recorded at Transform, got "
                                + r.lastError()));
            }

            out.println();
            out.println("== Replay of statement.xml from Transform (a middle stage)");
            Outcome statement = byLabel.get("statement.xml");
            long before = statement.loaded();
            ObjectNode request = JSON.createObjectNode().put("fileId", statement.upload().fileId())
                    .put("fromStage", "Transform").put("reason", "demo: replay from a middle stage").put("startedBy", "local-demo");
            JsonNode answer = Replays.request(rt, request);
            out.println("replay function started " + answer.path("executionName").asText());
            out.flush();
            Map<Upload, LocalStepFunctions.Started> replay = Replays.started(rt, answer);
            List<Outcome> replayed = Ingestion.follow(rt, replay, Instant.now(), err, timeout);
            for (Outcome o : replayed) {
                if (!o.status().equals("COMPLETED") || o.loaded() != before) {
                    problems.add("replay of statement.xml: expected COMPLETED with " + before + " transactions, got "
                            + o.status() + " with " + o.loaded());
                }
            }

            out.println();
            out.println("== Summary");
            List<Outcome> all = new ArrayList<>(outcomes);
            all.addAll(replayed);
            Predicate<Outcome> expected = o -> samples.containsKey(o.upload())
                    ? o.status().equals(samples.get(o.upload()).expectedStatus()) : o.status().equals("COMPLETED");
            IngestCommand.report(out, all, expected);
            out.println("late-payroll.ach flagged late by its route decision: " + flaggedLate);
            out.printf("demo took %.0f s%n", Duration.between(start, Instant.now()).toMillis() / 1000.0);
            if (!problems.isEmpty()) {
                out.println("NOT as expected:");
                problems.forEach(p -> out.println("  - " + p));
            } else {
                out.println("every expected outcome happened");
            }
            out.flush();
            return problems.isEmpty() ? 0 : 1;
        }
    }

}
