package com.paysaga.batch;

import java.util.concurrent.Callable;

import com.paysaga.saga.Stage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code transform --file-id ID}. */
@Command(name = "transform", mixinStandardHelpOptions = true, description = "Parses, validates and tokenizes the decrypted file into NDJSON chunks and a manifest.")
public class TransformCommand implements Callable<Integer> {

    @Option(names = "--file-id", required = true, description = "The file's id: lowercase hex SHA-256 of the upload.")
    String fileId;

    private final JobRunner runner;
    private final TransformJob job;

    public TransformCommand(JobRunner runner, TransformJob job) {
        this.runner = runner;
        this.job = job;
    }

    @Override
    public Integer call() {
        return runner.run(Stage.Transform, fileId, job::run);
    }
}
