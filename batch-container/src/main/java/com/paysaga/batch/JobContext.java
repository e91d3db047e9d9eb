package com.paysaga.batch;

import com.paysaga.saga.Stage;
import com.paysaga.saga.store.RunStore;

/** One command's invocation: which file, which stage, which execution, and where to checkpoint and log. */
public record JobContext(String fileId, Stage stage, String execution, RunStore runs, JobLog log) {
}
