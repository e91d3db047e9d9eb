package com.paysaga.shared.staging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Object keys of docs/contracts.md ("S3 layout"): one place, so that producer and consumers agree. */
public final class StagingKeys {

    private StagingKeys() {
    }

    public static String plaintext(String fileId) {
        return "work/" + fileId + "/plaintext";
    }

    public static String stagingPrefix(String fileId) {
        return "staging/" + fileId + "/";
    }

    /** 1-based, five digits: {@code staging/<fileId>/chunk-00001.ndjson}. */
    public static String chunk(String fileId, int index) {
        if (index < 1 || index > 99_999) {
            throw new IllegalArgumentException("chunk index " + index + " is outside 1..99999");
        }
        return String.format("staging/%s/chunk-%05d.ndjson", fileId, index);
    }

    public static boolean isChunk(String key) {
        return key.matches("staging/[^/]+/chunk-\\d{5}\\.ndjson");
    }

    public static String manifest(String fileId) {
        return stagingPrefix(fileId) + "manifest.json";
    }

    public static String chunkList(String fileId) {
        return stagingPrefix(fileId) + "chunks.json";
    }

    public static String validationReport(String fileId) {
        return stagingPrefix(fileId) + "validation-report.json";
    }

    /** {@code archive/<partner>/<yyyy>/<mm>/<dd>/<fileId>}, dated by the upload's receipt in UTC. */
    public static String archive(String partner, Instant receivedAt, String fileId) {
        ZonedDateTime d = receivedAt.atZone(ZoneOffset.UTC);
        return String.format("archive/%s/%04d/%02d/%02d/%s", partner, d.getYear(), d.getMonthValue(), d.getDayOfMonth(), fileId);
    }

    /** ConfigBucket: the partner's armored PGP private key, as an AWS Encryption SDK message under PartnerSecretsKey. */
    public static String partnerPrivateKey(String partner) {
        return "keys/" + partner + "/private.asc.kms";
    }

    /** ConfigBucket: the partner's armored public key ring, holding the signing key the profile names. */
    public static String partnerSigningKey(String partner) {
        return "keys/" + partner + "/signing-public.asc";
    }
}
