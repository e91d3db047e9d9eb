package com.paysaga.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.paysaga.saga.BatchExitCode;
import com.paysaga.saga.Stage;
import com.paysaga.security.KmsEnvelope;
import com.paysaga.security.PgpMessageWriter;
import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.RunStatus;
import com.paysaga.saga.store.StageRecord;
import com.paysaga.saga.store.StageStatus;


class DecryptCommandIT {

    private final PgpMessageWriter pgp = new PgpMessageWriter();

    private static JobLauncher.Result decrypt(JobLauncher launcher, String fileId) {
        return launcher.launch("decrypt", "--file-id", fileId);
    }

    @Test
    void pgpFileIsDecryptedToTheWorkBucketWithACheckpointAndTwiceGivesTheSame() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] clear = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "decrypt-pgp");
        String fileId = f.upload("pgp", "pay.xml.pgp", pgp.encrypt(clear, f.paysagaKey.encryptionKey(),
                PgpMessageWriter.Options.standard().armored().compressed()), Map.of());

        JobLauncher.Result first = decrypt(launcher, fileId);
        assertThat(first.exitCode()).as(first.getErrorOutput()).isZero();
        assertThat(f.read("WorkBucket", ObjectLayout.plaintextKey(fileId))).isEqualTo(clear);
        StageRecord stage = f.runs.findStage(fileId, Stage.Decrypt).orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.SUCCEEDED);
        assertThat(stage.artifacts().get("plaintext")).isEqualTo("s3://" + f.stack.ref("WorkBucket") + "/" + ObjectLayout.plaintextKey(fileId));
        assertThat(stage.counts()).containsEntry("plaintextBytes", (long) clear.length).containsEntry("kmsCalls", 1L);
        var head = f.s3.headObject(b -> b.bucket(f.stack.ref("WorkBucket")).key(ObjectLayout.plaintextKey(fileId)));
        assertThat(head.serverSideEncryptionAsString()).isEqualTo("aws:kms");
        assertThat(first.getErrorOutput()).contains("\"event\":\"succeeded\"").contains("\"fileId\":\"" + fileId + "\"");

        JobLauncher.Result second = decrypt(launcher, fileId);
        assertThat(second.exitCode()).isZero();
        assertThat(f.read("WorkBucket", ObjectLayout.plaintextKey(fileId))).isEqualTo(clear);
        assertThat(f.keys("WorkBucket", "work/" + fileId + "/")).containsExactly(ObjectLayout.plaintextKey(fileId));
        assertThat(f.runs.findStage(fileId, Stage.Decrypt).orElseThrow().attempt()).isEqualTo(2);
    }

    @Test
    void signatureByThePartnersKeyIsVerifiedAndAMissingOneRejected() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] clear = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "signed");
        String signed = f.upload("signed", "s.pgp", pgp.encrypt(clear, f.paysagaKey.encryptionKey(),
                PgpMessageWriter.Options.standard().signedBy(f.partnerKey.secret().getSecretKey())), Map.of());
        assertThat(decrypt(launcher, signed).exitCode()).isZero();

        byte[] other = Fixture.unique(clear, "unsigned");
        String unsigned = f.upload("signed", "u.pgp", pgp.encrypt(other, f.paysagaKey.encryptionKey(),
                PgpMessageWriter.Options.standard()), Map.of());
        assertRejected(f, launcher, unsigned, "SignatureVerificationException");
    }

    @Test
    void kmsEnvelopeFileIsDecrypted() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] clear = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "kms");
        KmsEnvelope.Sealed sealed = new KmsEnvelope(f.kms).encrypt(f.stack.ref("DataKey"), Map.of("partner", "kms"), clear);
        String fileId = f.upload("kms", "pay.xml", sealed.body(), sealed.metadata());

        JobLauncher.Result r = decrypt(launcher, fileId);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(f.read("WorkBucket", ObjectLayout.plaintextKey(fileId))).isEqualTo(clear);
    }

    @Test
    void unencryptedFileOnlyPassesWhereTheProfileAllowsIt() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] clear = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "plain");
        String allowed = f.upload("plain", "pay.xml", clear, Map.of());
        assertThat(decrypt(launcher, allowed).exitCode()).isZero();
        assertThat(f.read("WorkBucket", ObjectLayout.plaintextKey(allowed))).isEqualTo(clear);

        String refusedPgp = f.upload("pgp", "pay2.xml", Fixture.unique(clear, "pgp-required"), Map.of());
        assertRejected(f, launcher, refusedPgp, "EncryptionRequiredException");
        String refusedKms = f.upload("kms", "pay3.xml", Fixture.unique(clear, "kms-required"), Map.of());
        assertRejected(f, launcher, refusedKms, "EncryptionRequiredException");
    }

    @Test
    void fileForAnotherKeyIsWrongKey() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] clear = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "wrong-key");
        String fileId = f.upload("pgp", "w.pgp", pgp.encrypt(clear, f.strangerKey.encryptionKey(),
                PgpMessageWriter.Options.standard()), Map.of());
        assertRejected(f, launcher, fileId, "WrongKeyException");
    }

    @Test
    void tamperedAndTruncatedCiphertextsAreRejectedAndLeaveNoPlaintext() throws IOException {
        Fixture f = Fixture.get();
        JobLauncher launcher = f.launcher();
        byte[] clear = Fixture.unique(Fixture.sample("pain001-v03-sepa-two-batches.xml"), "tamper");
        byte[] message = pgp.encrypt(clear, f.paysagaKey.encryptionKey(), PgpMessageWriter.Options.standard());
        byte[] tampered = message.clone();
        tampered[tampered.length - 40] ^= 0x01;
        String t = f.upload("pgp", "t.pgp", tampered, Map.of());
        assertRejected(f, launcher, t, "TamperedCiphertextException");

        String cut = f.upload("pgp", "c.pgp", Arrays.copyOf(message, message.length - 30), Map.of());
        assertRejected(f, launcher, cut, "TruncatedInputException");

        KmsEnvelope.Sealed sealed = new KmsEnvelope(f.kms).encrypt(f.stack.ref("DataKey"), Map.of(), Fixture.unique(clear, "gcm"));
        byte[] body = sealed.body().clone();
        body[10] ^= 0x01;
        String gcm = f.upload("kms", "g.xml", body, sealed.metadata());
        assertRejected(f, launcher, gcm, "TamperedCiphertextException");

        String noMdc = f.upload("pgp", "legacy.pgp", pgp.encrypt(Fixture.unique(clear, "nomdc"), f.paysagaKey.encryptionKey(),
                PgpMessageWriter.Options.standard().withoutIntegrity()), Map.of());
        assertRejected(f, launcher, noMdc, "IntegrityProtectionMissingException");
    }

    private static void assertRejected(Fixture f, JobLauncher launcher, String fileId, String error) throws IOException {
        JobLauncher.Result r = decrypt(launcher, fileId);
        assertThat(r.exitCode()).as(r.getErrorOutput()).isEqualTo(BatchExitCode.INPUT_REJECTED);
        StageRecord stage = f.runs.findStage(fileId, Stage.Decrypt).orElseThrow();
        assertThat(stage.status()).isEqualTo(StageStatus.FAILED);
        assertThat(stage.error()).isEqualTo(error);
        assertThat(f.runs.getRun(fileId).runStatus()).isEqualTo(RunStatus.REJECTED);
        assertThat(f.keys("WorkBucket", "work/" + fileId + "/")).isEmpty();
        assertThat(r.getErrorOutput()).contains("\"error\":\"" + error + "\"");
    }
}
