package com.paysaga.batch;

import java.util.concurrent.Callable;

import com.paysaga.saga.Stage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code archive --file-id ID}. */
@Command(name = "archive", mixinStandardHelpOptions = true, description = "Stores the original, re-encrypted under a fresh ArchiveKey data key, in the archive bucket.")
public class ArchiveCommand implements Callable<Integer> {

    @Option(names = "--file-id", required = true, description = "The file's id: lowercase hex SHA-256 of the upload.")
    String fileId;

    private final JobRunner runner;
    private final ArchiveJob job;

    public ArchiveCommand(JobRunner runner, ArchiveJob job) {
        this.runner = runner;
        this.job = job;
    }

    @Override
    public Integer call() {
        return runner.run(Stage.Archive, fileId, job::run);
    }
}
