package com.paysaga.shared.store;

import java.time.LocalDate;

/**
 * Object keys of docs/contracts.md ("S3 layout"): the one place that spells them, for the
 * functions, the Batch job and the local runtime alike.
 */
public final class ObjectLayout {

    public static final String INBOUND_PREFIX = "inbound/";

    private ObjectLayout() {
    }

    public static String plaintextKey(String fileId) {
        return "work/" + fileId + "/plaintext";
    }

    public static String stagingPrefix(String fileId) {
        return "staging/" + fileId + "/";
    }

    /** {@code index} is 1-based; five digits as the contract says. */
    public static String chunkKey(String fileId, int index) {
        return String.format("staging/%s/chunk-%05d.ndjson", fileId, index);
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

    public static String archiveKey(String partner, LocalDate receivedOn, String fileId) {
        return String.format("archive/%s/%04d/%02d/%02d/%s", partner, receivedOn.getYear(), receivedOn.getMonthValue(),
                receivedOn.getDayOfMonth(), fileId);
    }

    public static String s3Uri(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
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
}
