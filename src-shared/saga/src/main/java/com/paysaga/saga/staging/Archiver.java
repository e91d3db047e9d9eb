package com.paysaga.saga.staging;

import com.paysaga.security.KmsMessages;
import com.paysaga.security.SourceMismatchException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.paysaga.security.SourceReadException;
import com.paysaga.saga.staging.StoredObject;
import com.paysaga.saga.staging.TrackingInputStream;

/**
 * Archive's work: the original object exactly as received (still PGP- or KMS-encrypted if it
 * came so), re-encrypted as an AWS Encryption SDK message under a fresh data key from the
 * ArchiveKey (docs/archive-format.md). The wrapped data key travels in the message header. The
 * encryption context binds the message to its file: {@code paysaga:purpose=archive},
 * {@code paysaga:fileId}, {@code paysaga:partner}.
 */
public final class Archiver {

    private final KmsMessages archiveKey;

    public Archiver(KmsMessages archiveKey) {
        this.archiveKey = archiveKey;
    }

    public static Map<String, String> context(String fileId, String partner) {
        return Map.of("paysaga:purpose", "archive", "paysaga:fileId", fileId, "paysaga:partner", partner);
    }

    public record Outcome(long originalBytes, String kmsKeyArn) {
    }

    /**
     * Writes the encrypted original to {@code out} (not closed; the caller commits it after this
     * returns), and checks that the original's SHA-256 is {@code fileId}.
     */
    public Outcome archive(StoredObject original, String fileId, String partner, OutputStream out) throws IOException {
        String what = original.ref().toString();
        TrackingInputStream in = new TrackingInputStream(original.body());
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try (OutputStream encrypting = archiveKey.encryptingStream(keepOpen, context(fileId, partner))) {
            in.transferTo(encrypting);
        } catch (IOException e) {
            if (in.failure() != null) {
                throw new SourceReadException(what, in.failure());
            }
            throw e;
        }
        String sha = in.sha256Hex();
        if (!sha.equals(fileId)) {
            throw new SourceMismatchException(what + " has SHA-256 " + sha + ", not the run's fileId " + fileId);
        }
        return new Outcome(in.bytes(), archiveKey.keyArn());
    }
}
