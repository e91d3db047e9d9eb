package com.paysaga.saga.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fileId of content in memory, and the one way an error message names the file it concerns
 * ({@code file <fileId>: …}), so that a failure caught by the state machine before the file was
 * in its state (a rejected upload) is still recorded on the file's run.
 */
public final class FileIds {

    private static final Pattern MENTION = Pattern.compile("\\bfile ([0-9a-f]{64})\\b");

    private FileIds() {
    }

    /**
     * docs/contracts.md: the fileId is the lowercase hex SHA-256 of the bytes as received. For
     * content already in memory; the upload path hashes the object as it streams it.
     */
    public static String of(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The prefix a message starts with to name {@code fileId}. */
    public static String mention(String fileId) {
        return "file " + fileId + ": ";
    }

    /** The file a message (or a Step Functions cause holding it) names, if any. */
    public static Optional<String> mentionedIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = MENTION.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
