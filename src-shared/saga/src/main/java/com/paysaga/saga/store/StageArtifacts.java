package com.paysaga.saga.store;

import java.util.LinkedHashMap;
import java.util.Map;

import com.paysaga.saga.staging.ObjectLayout;

/**
 * The {@code artifacts} of {@code STAGE#} items (docs/contracts.md, "Batch job"). Decrypt's and
 * Transform's are written twice, by the Batch command and again by the checkpoint function (so a
 * replay finds them even if the command's own record was lost): both build them here, so the two
 * writes cannot name them differently.
 */
public final class StageArtifacts {

    public static final String PLAINTEXT = "plaintext";
    public static final String SOURCE = "source";
    public static final String MANIFEST = "manifest";
    /** The chunk list ({@code chunks.json}). */
    public static final String CHUNKS = "chunks";
    public static final String VALIDATION_REPORT = "validationReport";
    public static final String ARCHIVE = "archive";

    private StageArtifacts() {
    }

    /** Decrypt's plaintext object in the work bucket. */
    public static Map<String, String> decrypted(String workBucket, String fileId) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put(PLAINTEXT, ObjectLayout.s3Uri(workBucket, ObjectLayout.plaintextKey(fileId)));
        return artifacts;
    }

    /** Transform's manifest and chunk list in the staging bucket. */
    public static Map<String, String> transformed(String stagingBucket, String fileId) {
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put(MANIFEST, ObjectLayout.s3Uri(stagingBucket, ObjectLayout.manifestKey(fileId)));
        artifacts.put(CHUNKS, ObjectLayout.s3Uri(stagingBucket, ObjectLayout.chunkListKey(fileId)));
        return artifacts;
    }
}
