package com.paysaga.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.amazonaws.encryptionsdk.exception.BadCiphertextException;
import com.paysaga.saga.BatchExitCode;
import com.paysaga.saga.Stage;
import com.paysaga.saga.staging.Archiver;
import com.paysaga.security.KmsMessages;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.StageRecord;
import com.paysaga.saga.store.StageStatus;


class ArchiveCommandIT {

    @Test
    void originalIsArchivedEncryptedUnderTheArchiveKeyAndASecondRunKeepsIt() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] original = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "archive");
        String fileId = f.upload("plain", "pay.xml", original, Map.of());
        String key = ObjectLayout.archiveKey("plain", java.time.Instant.parse("2026-03-20T10:15:30Z"), fileId);
        assertThat(key).isEqualTo("archive/plain/2026/03/20/" + fileId);

        JobLauncher.Result first = launcher.launch("archive", "--file-id", fileId);
        assertThat(first.exitCode()).as(first.getErrorOutput()).isZero();
        byte[] archived = f.read("ArchiveBucket", key);
        assertThat(archived).isNotEqualTo(original);
        KmsMessages archiveKey = new KmsMessages(f.kms, f.stack.attribute("ArchiveKey", "Arn"));
        assertThat(archiveKey.decrypt(archived, Archiver.context(fileId, "plain"), "archive")).isEqualTo(original);
        try (InputStream s = archiveKey.decryptingStream(new ByteArrayInputStream(archived))) {
            assertThat(s.readAllBytes()).isEqualTo(original);
        }
        var head = f.s3.headObject(b -> b.bucket(f.stack.ref("ArchiveBucket")).key(key));
        assertThat(head.metadata()).containsEntry("paysaga-sha256", fileId).containsEntry("paysaga-partner", "plain");
        StageRecord stage = f.runs.findStage(fileId, Stage.Archive).orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(stage.artifacts()).containsEntry("archive", "s3://" + f.stack.ref("ArchiveBucket") + "/" + key);
        assertThat(stage.counts()).containsEntry("originalBytes", (long) original.length).containsEntry("kmsCalls", 1L);

        JobLauncher.Result second = launcher.launch("archive", "--file-id", fileId);
        assertThat(second.exitCode()).isZero();
        assertThat(f.read("ArchiveBucket", key)).isEqualTo(archived);
        assertThat(f.s3.listObjectVersions(b -> b.bucket(f.stack.ref("ArchiveBucket")).prefix(key)).versions()).hasSize(1);
        assertThat(f.runs.findStage(fileId, Stage.Archive).orElseThrow().counts()).containsEntry("reused", 1L);
    }

    @Test
    void truncatedOrReorderedArchiveDoesNotDecrypt() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] original = new byte[300_000];
        new java.util.Random(3).nextBytes(original);
        KmsMessages archiveKey = new KmsMessages(f.kms, f.stack.attribute("ArchiveKey", "Arn"));
        byte[] message = archiveKey.encrypt(original, Archiver.context("x", "y"));
        byte[] truncated = Arrays.copyOf(message, message.length - KmsMessages.FRAME_BYTES - 100);
        try (InputStream s = archiveKey.decryptingStream(new ByteArrayInputStream(truncated))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(s::readAllBytes).isInstanceOf(BadCiphertextException.class);
        }
        assertThat(launcher.launch("archive", "--file-id", "0".repeat(64)).exitCode()).isEqualTo(BatchExitCode.USAGE);
    }

    @Test
    void objectThatIsNotTheRunsFileIsRefused() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] original = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "swap");
        String fileId = f.upload("plain", "swap.xml", original, Map.of());
        f.s3.putObject(b -> b.bucket(f.stack.ref("InboundBucket")).key("inbound/plain/swap.xml"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("replaced"));
        JobLauncher.Result r = launcher.launch(Map.of("SOURCE_BUCKET", f.stack.ref("InboundBucket"),
                "SOURCE_KEY", "inbound/plain/swap.xml"), "archive", "--file-id", fileId);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isEqualTo(BatchExitCode.INPUT_REJECTED);
        assertThat(f.runs.findStage(fileId, Stage.Archive).orElseThrow().error()).isEqualTo("SourceMismatchException");
    }
}
