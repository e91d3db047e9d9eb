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
