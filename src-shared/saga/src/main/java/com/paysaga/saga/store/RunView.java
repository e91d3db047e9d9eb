package com.paysaga.saga.store;

/**
 * The state machine's {@code $.run}: what every later state reads about the file. Validate
 * returns it for a new upload, LoadCheckpoint for a replay. {@code versionId} is "" for an
 * object without versions, since Batch environment values must be strings.
 */
public record RunView(String fileId, String partner, String bucket, String key, String versionId, long size,
        String receivedAt, String fromStage, boolean onlyFailedChunks, boolean duplicate) {

    public static RunView of(RunRecord run, String fromStage, boolean onlyFailedChunks, boolean duplicate) {
        return new RunView(run.fileId(), run.partner(), run.bucket(), run.key(),
                run.versionId() == null ? "" : run.versionId(), run.size(),
                run.receivedAt() == null ? null : run.receivedAt().toString(), fromStage, onlyFailedChunks, duplicate);
    }
}
