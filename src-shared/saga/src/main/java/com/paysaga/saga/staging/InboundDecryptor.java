package com.paysaga.saga.staging;

import com.paysaga.security.EncryptionRequiredException;
import com.paysaga.security.InputRejectedException;
import com.paysaga.security.KmsEnvelope;
import com.paysaga.security.PgpDecryptor;
import com.paysaga.security.SourceMismatchException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;

import com.paysaga.saga.routing.ExpectedEncryption;
import com.paysaga.security.SourceReadException;
import com.paysaga.saga.staging.StoredObject;
import com.paysaga.saga.staging.TrackingInputStream;

/**
 * Decrypt's work: undo the encryption the partner profile requires, streaming the plaintext to
 * {@code out}, and prove that the object read is the run's file (its SHA-256 is the fileId).
 * {@code out} holds unauthenticated data until this returns; the caller commits it only then.
 */
public final class InboundDecryptor {

    /** PGP keys, loaded only for PGP files (loading costs a KMS call). */
    public interface PgpKeySource {
        PGPSecretKeyRingCollection privateKeys() throws IOException;

        Optional<PGPPublicKey> signer() throws IOException;
    }

    public record Outcome(ExpectedEncryption method, long sourceBytes, long plaintextBytes, String detail) {
    }

    private final PgpDecryptor pgp;
    private final KmsEnvelope envelope;

    public InboundDecryptor(PgpDecryptor pgp, KmsEnvelope envelope) {
        this.pgp = pgp;
        this.envelope = envelope;
    }

    public Outcome decrypt(StoredObject source, ExpectedEncryption expected, PgpKeySource keys, String fileId,
            OutputStream out) throws IOException {
        String what = source.ref().toString();
        TrackingInputStream in = new TrackingInputStream(source.body());
        Outcome outcome;
        try {
            outcome = switch (expected) {
                case PGP -> {
                    if (KmsEnvelope.isEnvelope(source.metadata())) {
                        throw new EncryptionRequiredException(what + " is KMS-envelope encrypted, but the partner profile requires PGP");
                    }
                    PgpDecryptor.Result r = pgp.decrypt(in, out, keys.privateKeys(), keys.signer(), what);
                    yield new Outcome(expected, 0, r.plaintextBytes(), r.cipher() + " to key " + r.recipientKeyId()
                            + r.signerKeyId().map(s -> ", signed by " + s).orElse(""));
                }
                case KMS -> {
                    KmsEnvelope.Result r = envelope.decrypt(source.metadata(), in, out, what);
                    yield new Outcome(expected, 0, r.plaintextBytes(), "AES-256-GCM, data key under " + r.kmsKeyId());
                }
                case NONE -> {
                    long n = in.transferTo(out);
                    yield new Outcome(expected, 0, n, "not encrypted (allowed by the partner profile)");
                }
            };
            in.drain();
        } catch (IOException | InputRejectedException e) {
            if (in.failure() != null && !(e instanceof SourceReadException)) {
                throw new SourceReadException(what, in.failure());
            }
            throw e;
        }
        String sha = in.sha256Hex();
        if (!sha.equals(fileId)) {
            throw new SourceMismatchException(what + " has SHA-256 " + sha + ", not the run's fileId " + fileId
                    + " (another version of the object?)");
        }
        return new Outcome(outcome.method(), in.bytes(), outcome.plaintextBytes(), outcome.detail());
    }
}
