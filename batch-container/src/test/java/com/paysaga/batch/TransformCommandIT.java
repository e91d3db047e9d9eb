package com.paysaga.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.paysaga.saga.BatchExitCode;
import com.paysaga.saga.Stage;
import com.paysaga.security.TokenVaultReader;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.StageRecord;
import com.paysaga.saga.store.StageStatus;


class TransformCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String decrypted(Fixture f, JobLauncher launcher, String partner, byte[] clear) {
        String fileId = f.upload(partner, "pay.xml", clear, Map.of());
        JobLauncher.Result r = launcher.launch("decrypt", "--file-id", fileId);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        return fileId;
    }

    private Map<String, String> stagingObjects(Fixture f, String fileId) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : f.keys("StagingBucket", ObjectLayout.stagingPrefix(fileId))) {
            out.put(key, new String(f.read("StagingBucket", key), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void validFileBecomesChunksManifestCheckpointAndParsedCountAndASecondRunChangesNothing()
            throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        String fileId = decrypted(f, launcher, "plain", Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "t1"));

        JobLauncher.Result first = launcher.launch("transform", "--file-id", fileId);
        assertThat(first.exitCode()).as(first.getErrorOutput()).isZero();
        Map<String, String> objects = stagingObjects(f, fileId);
        assertThat(objects.keySet()).containsExactly(ObjectLayout.chunkKey(fileId, 1), ObjectLayout.chunkKey(fileId, 2),
                ObjectLayout.chunkListKey(fileId), ObjectLayout.manifestKey(fileId));
        JsonNode manifest = JSON.readTree(objects.get(ObjectLayout.manifestKey(fileId)));
        assertThat(manifest.get("fileId").asText()).isEqualTo(fileId);
        assertThat(manifest.get("format").asText()).isEqualTo("PAIN_001");
        assertThat(manifest.get("partner").asText()).isEqualTo("plain");
        assertThat(manifest.get("chunkSize").asInt()).isEqualTo(2);
        assertThat(manifest.get("transactions").asLong()).isEqualTo(3);
        assertThat(manifest.at("/totals/CHF/debit").asLong()).isEqualTo(9995);
        assertThat(JSON.readTree(objects.get(ObjectLayout.chunkListKey(fileId)))).isEqualTo(manifest.get("chunks"));
        assertThat(manifest.at("/chunks/1/sha256").asText()).isEqualTo(Fixture.sha256(
                objects.get(ObjectLayout.chunkKey(fileId, 2)).getBytes(StandardCharsets.UTF_8)));

        StageRecord stage = f.runs.findStage(fileId, Stage.Transform).orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(stage.artifacts()).containsKeys("manifest", "chunks");
        assertThat(stage.counts()).containsEntry("transactions", 3L).containsEntry("chunks", 2L);
        assertThat(stage.counts().get("kmsCalls")).isBetween(1L, 2L);
        assertThat(f.runs.getRun(fileId).transactionsParsed()).isEqualTo(3L);

        JsonNode line = JSON.readTree(objects.get(ObjectLayout.chunkKey(fileId, 1)).lines().findFirst().orElseThrow());
        String token = line.get("debtorAccountToken").asText();
        assertThat(token).startsWith("tok_v1_");
        assertThat(new TokenVaultReader(f.dynamo, f.stack.ref("TokensTable"), f.kms, f.stack.ref("TokenKey")).reveal(token))
                .contains("DE89370400440532013000");
        List<String> vaultBefore = f.scan("TokensTable");

        JobLauncher.Result second = launcher.launch("transform", "--file-id", fileId);
        assertThat(second.exitCode()).as(second.getErrorOutput()).isZero();
        assertThat(stagingObjects(f, fileId)).isEqualTo(objects);
        assertThat(f.scan("TokensTable")).containsExactlyInAnyOrderElementsOf(vaultBefore);
        assertThat(f.runs.findStage(fileId, Stage.Transform).orElseThrow().counts())
                .containsEntry("vaultEntriesWritten", 0L).containsEntry("kmsCalls", 1L);
    }

    @Test
    void invalidFileWritesTheReportRecordsTheFailureAndPublishesNoManifest() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        String fileId = decrypted(f, launcher, "plain", Fixture.unique(Fixture.sample("pain001-v03-bad-controls.xml"), "t2"));

        JobLauncher.Result r = launcher.launch("transform", "--file-id", fileId);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isEqualTo(BatchExitCode.INPUT_REJECTED);
        assertThat(f.keys("StagingBucket", ObjectLayout.stagingPrefix(fileId))).containsExactly(ObjectLayout.validationReportKey(fileId));
        JsonNode report = JSON.readTree(f.read("StagingBucket", ObjectLayout.validationReportKey(fileId)));
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("errors")).isNotEmpty();
        StageRecord stage = f.runs.findStage(fileId, Stage.Transform).orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.FAILED);
        assertThat(stage.error()).isEqualTo("ValidationFailedException");
        String reportUri = "s3://" + f.stack.ref("StagingBucket") + "/" + ObjectLayout.validationReportKey(fileId);
        assertThat(stage.artifacts()).containsEntry("validationReport", reportUri);
        assertThat(f.runs.getRun(fileId).runStatus()).isEqualTo(RunStatus.REJECTED);
        assertThat(f.runs.getRun(fileId).lastError().cause()).contains(reportUri);
    }

    @Test
    void unknownFormatIsRejectedWithAReport() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] notPayments = ("Dear partner, please find attached " + System.nanoTime() + "\n").repeat(20)
                .getBytes(StandardCharsets.US_ASCII);
        String fileId = decrypted(f, launcher, "plain", notPayments);

        JobLauncher.Result r = launcher.launch("transform", "--file-id", fileId);
        assertThat(r.exitCode()).isEqualTo(BatchExitCode.INPUT_REJECTED);
        assertThat(f.runs.findStage(fileId, Stage.Transform).orElseThrow().error()).isEqualTo("UnknownFormatException");
        assertThat(JSON.readTree(f.read("StagingBucket", ObjectLayout.validationReportKey(fileId))).get("format").asText())
                .isEqualTo("UNKNOWN");
    }

    @Test
    void transformBeforeDecryptIsAUsageError() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        String fileId = f.upload("plain", "x.xml", Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "t4"), Map.of());
        JobLauncher.Result r = launcher.launch("transform", "--file-id", fileId);
        assertThat(r.exitCode()).isEqualTo(BatchExitCode.USAGE);
        assertThat(r.getErrorOutput()).contains("run decrypt first");
    }

    /**
     * The whole pipeline of the batch job on a PGP file: everything it wrote outside the work
     * bucket (whose plaintext object is the decrypted file by design: SSE-KMS, two-day lifecycle),
     * and every log line, is free of the file's account numbers.
     */
    @Test
    void nothingTheJobWritesOrLogsContainsAnAccountNumber() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] clear = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "leak");
        String fileId = f.upload("pgp", "leak.pgp", new com.paysaga.security.PgpMessageWriter().encrypt(clear,
                f.paysagaKey.encryptionKey(), com.paysaga.security.PgpMessageWriter.Options.standard()), Map.of());
        List<String> written = new ArrayList<>();
        for (String command : List.of("decrypt", "transform", "archive", "transform")) {
            JobLauncher.Result r = launcher.launch(command, "--file-id", fileId);
            assertThat(r.exitCode()).as(command + ": " + r.getErrorOutput()).isZero();
            written.add(r.getOutput());
            written.add(r.getErrorOutput());
        }
        for (String bucket : List.of("StagingBucket", "ArchiveBucket", "ConfigBucket")) {
            for (String key : f.keys(bucket, "")) {
                written.add(new String(f.read(bucket, key), StandardCharsets.ISO_8859_1));
                written.add(f.s3.headObject(b -> b.bucket(f.stack.ref(bucket)).key(key)).metadata().toString());
            }
        }
        written.addAll(f.scan("RunsTable"));
        written.addAll(f.scan("TokensTable"));
        assertThat(String.join("\n", written)).contains(fileId).contains("tok_v1_");
        for (String account : Fixture.ACCOUNTS) {
            assertThat(written).allSatisfy(text -> assertThat(text).doesNotContain(account));
        }
    }
}
