package com.paysaga.saga.replay;

import java.util.List;

/** What a bulk replay did: one line per matching file, started or refused with the reason. */
public record BulkReplayResult(int matched, int started, int refused, List<Entry> files) {

    public record Entry(String fileId, String outcome, String executionName, String message) {
    }
}
