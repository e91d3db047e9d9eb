package com.paysaga.saga.routing;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Tells from an object's first bytes and its metadata how it is encrypted, enough for Validate to
 * refuse a file that does not match its partner's profile before any Batch job starts. Decrypt
 * does the real, integrity-checked work.
 */
public final class EncryptionSniffer {

    /** Amazon S3 Encryption Client v2 metadata names (without the {@code x-amz-meta-} prefix S3 strips). */
    public static final String S3EC_WRAPPED_KEY = "x-amz-key-v2";
    public static final String S3EC_WRAP_ALG = "x-amz-wrap-alg";

    private EncryptionSniffer() {
    }

    public static ExpectedEncryption detect(byte[] head, int length, Map<String, String> metadata) {
        if (metadata.containsKey(S3EC_WRAPPED_KEY)
                && metadata.getOrDefault(S3EC_WRAP_ALG, "").startsWith("kms")) {
            return ExpectedEncryption.KMS;
        }
        if (isPgp(head, length)) {
            return ExpectedEncryption.PGP;
        }
        return ExpectedEncryption.NONE;
    }

    /**
     * ASCII armor ({@code -----BEGIN PGP MESSAGE-----}, RFC 9580 §6.2), or a binary message whose
     * first packet is a public-key or symmetric-key encrypted session key (tags 1 and 3,
     * RFC 9580 §5), in the old or new packet header format.
     */
    static boolean isPgp(byte[] head, int length) {
        String text = new String(head, 0, Math.min(length, head.length), StandardCharsets.US_ASCII);
        if (text.stripLeading().startsWith("-----BEGIN PGP MESSAGE-----")) {
            return true;
        }
        if (length < 1 || (head[0] & 0x80) == 0) {
            return false;
        }
        int tag = (head[0] & 0x40) != 0 ? head[0] & 0x3f : (head[0] & 0x3c) >> 2;
        return tag == 1 || tag == 3;
    }
}
