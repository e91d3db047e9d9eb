package com.paysaga.formats.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic ids: the same file (same content, so the same fileId) and the same record give
 * the same id forever, so a replay overwrites items instead of adding new ones.
 */
public final class TransactionIds {

    private TransactionIds() {
    }

    /**
     * Ids for many records of one file: the same values as {@link #of(String, String)}, without
     * hashing the fileId again and looking the digest up for every record (parsers call this
     * once per transaction, hundreds of thousands of times per file). Not thread-safe.
     */
    public static Generator forFile(String fileId) {
        return new Generator(fileId);
    }

    /**
     * Keeps the digest state after {@code fileId \0} and clones it per record, so each id costs
     * one SHA-256 compression for a 64-character hex fileId (which fills the first block
     * exactly). The compression stays the JDK's: it is a JIT intrinsic (SHA-NI, AVX2 or the ARMv8
     * SHA2 instructions), faster than any hand-written Java; everything around it writes into
     * reused buffers, so an id allocates only the digest clone and the id String itself.
     */
    public static final class Generator {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        /** Hex characters of the id: the first 10 digest bytes. */
        private static final int ID_HEX = 20;

        private final String fileId;
        private final MessageDigest prefix;
        private final byte[] digest = new byte[32];
        /** "fileId:" in ISO-8859-1 followed by room for the hex, or null when the fileId is not Latin-1. */
        private final byte[] idBytes;
        private byte[] locatorBytes = new byte[64];

        private Generator(String fileId) {
            this.fileId = fileId;
            this.prefix = sha256();
            prefix.update(fileId.getBytes(StandardCharsets.UTF_8));
            prefix.update((byte) 0);
            byte[] latin1 = null;
            if (fileId.chars().allMatch(c -> c <= 0xFF)) {
                latin1 = new byte[fileId.length() + 1 + ID_HEX];
                for (int i = 0; i < fileId.length(); i++) {
                    latin1[i] = (byte) fileId.charAt(i);
                }
                latin1[fileId.length()] = ':';
            }
            idBytes = latin1;
        }

        public String of(String sourceLocator) {
            MessageDigest sha;
            try {
                sha = (MessageDigest) prefix.clone();
            } catch (CloneNotSupportedException e) {
                return TransactionIds.of(fileId, sourceLocator);
            }
            int length = sourceLocator.length();
            if (locatorBytes.length < length) {
                locatorBytes = new byte[Math.max(length, 2 * locatorBytes.length)];
            }
            byte[] bytes = locatorBytes;
            for (int i = 0; i < length; i++) {
                char c = sourceLocator.charAt(i);
                if (c >= 0x80) {
                    // UTF-8 exactly as the reference encodes it (an unpaired surrogate becomes '?')
                    bytes = sourceLocator.getBytes(StandardCharsets.UTF_8);
                    length = bytes.length;
                    break;
                }
                bytes[i] = (byte) c;
            }
            sha.update(bytes, 0, length);
            try {
                sha.digest(digest, 0, digest.length);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException("SHA-256 digest of 32 bytes", e);
            }
            byte[] out = idBytes;
            if (out == null) {
                return fileId + ":" + HexFormat.of().formatHex(digest, 0, ID_HEX / 2);
            }
            int at = out.length - ID_HEX;
            for (int i = 0; i < ID_HEX / 2; i++) {
                out[at + 2 * i] = HEX[(digest[i] >> 4) & 0xF];
                out[at + 2 * i + 1] = HEX[digest[i] & 0xF];
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * {@code <fileId>:<first 20 hex chars of sha256(fileId \0 locator)>}: stable, short, and
     * prefix-queryable by file. This is the definition; {@link Generator} must give the same values.
     */
    public static String of(String fileId, String sourceLocator) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(fileId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(sourceLocator.getBytes(StandardCharsets.UTF_8));
            return fileId + ":" + HexFormat.of().formatHex(sha.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
