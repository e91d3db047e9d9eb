package com.paysaga.shared.domain;

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

    public static final class Generator {
        private final String fileId;
        private final MessageDigest prefix;
        private final HexFormat hex = HexFormat.of();

        private Generator(String fileId) {
            this.fileId = fileId;
            this.prefix = sha256();
            prefix.update(fileId.getBytes(StandardCharsets.UTF_8));
            prefix.update((byte) 0);
        }

        public String of(String sourceLocator) {
            MessageDigest sha;
            try {
                sha = (MessageDigest) prefix.clone();
            } catch (CloneNotSupportedException e) {
                return TransactionIds.of(fileId, sourceLocator);
            }
            sha.update(sourceLocator.getBytes(StandardCharsets.UTF_8));
            return fileId + ":" + hex.formatHex(sha.digest(), 0, 10);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** {@code <fileId>:<first 20 hex chars of sha256(fileId \0 locator)>}: stable, short, and prefix-queryable by file. */
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
