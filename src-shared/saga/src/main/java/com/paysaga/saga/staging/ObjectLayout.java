package com.paysaga.saga.staging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Object keys of docs/contracts.md ("S3 layout"): the one place that spells them, for the Batch
 * job that writes the objects, the functions that read them and the local runtime alike.
 */
public final class ObjectLayout {

    public static final String INBOUND_PREFIX = "inbound/";

    /** ConfigBucket: the partner profiles document ({@code PartnerProfiles}). */
    public static final String PROFILES_KEY = "profiles/partners.json";

    private static final int MAX_CHUNK_INDEX = 99_999;

    private ObjectLayout() {
    }

    /** InboundBucket: {@code inbound/<partner>/<name>}, where partners upload. */
    public static String inboundKey(String partner, String name) {
        return INBOUND_PREFIX + partner + "/" + name;
    }

    /** {@code inbound/<partner>/<name>} → partner, or null when the key does not have that shape. */
    public static String partnerOf(String inboundKey) {
        if (inboundKey == null || !inboundKey.startsWith(INBOUND_PREFIX)) {
            return null;
        }
        String rest = inboundKey.substring(INBOUND_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash <= 0 || slash == rest.length() - 1 ? null : rest.substring(0, slash);
    }

    /** The file name: the last path segment of the key. */
    public static String fileNameOf(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /** WorkBucket: the decrypted plaintext. */
    public static String plaintextKey(String fileId) {
        return "work/" + fileId + "/plaintext";
    }

    public static String stagingPrefix(String fileId) {
        return "staging/" + fileId + "/";
    }

    /** StagingBucket: 1-based, five digits: {@code staging/<fileId>/chunk-00001.ndjson}. */
    public static String chunkKey(String fileId, int index) {
        if (index < 1 || index > MAX_CHUNK_INDEX) {
            throw new IllegalArgumentException("chunk index " + index + " is outside 1.." + MAX_CHUNK_INDEX);
        }
        return String.format("staging/%s/chunk-%05d.ndjson", fileId, index);
    }

    public static boolean isChunkKey(String key) {
        return key.matches("staging/[^/]+/chunk-\\d{5}\\.ndjson");
    }

    public static String manifestKey(String fileId) {
        return stagingPrefix(fileId) + "manifest.json";
    }

    /** The JSON array of chunk descriptors the Load Map's ItemReader reads. */
    public static String chunkListKey(String fileId) {
        return stagingPrefix(fileId) + "chunks.json";
    }

    public static String validationReportKey(String fileId) {
        return stagingPrefix(fileId) + "validation-report.json";
    }

    /** ArchiveBucket: {@code archive/<partner>/<yyyy>/<mm>/<dd>/<fileId>}, dated by the upload's receipt in UTC. */
    public static String archiveKey(String partner, Instant receivedAt, String fileId) {
        ZonedDateTime d = receivedAt.atZone(ZoneOffset.UTC);
        return String.format("archive/%s/%04d/%02d/%02d/%s", partner, d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
                fileId);
    }

    /** ConfigBucket: the partner's armored PGP secret key ring, as an AWS Encryption SDK message under PartnerSecretsKey. */
    public static String partnerPrivateKeyRingKey(String partner) {
        return "keys/" + partner + "/private.asc.kms";
    }

    /** ConfigBucket: the partner's armored public key ring, holding the signing key the profile names. */
    public static String partnerSigningKeyRingKey(String partner) {
        return "keys/" + partner + "/signing-public.asc";
    }

    /** {@code s3://bucket/key}, the form artifacts are recorded and objects are named in messages. */
    public static String s3Uri(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }
}
