package com.paysaga.batch;

import java.util.concurrent.Callable;

import com.paysaga.saga.Stage;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code decrypt --file-id ID}. */
@Command(name = "decrypt", mixinStandardHelpOptions = true, description = "Decrypts the inbound file (PGP or KMS envelope) to work/<fileId>/plaintext.")
public class DecryptCommand implements Callable<Integer> {

    @Option(names = "--file-id", required = true, description = "The file's id: lowercase hex SHA-256 of the upload.")
    String fileId;

    private final JobRunner runner;
    private final DecryptJob job;

    public DecryptCommand(JobRunner runner, DecryptJob job) {
        this.runner = runner;
        this.job = job;
    }

    @Override
    public Integer call() {
        return runner.run(Stage.Decrypt, fileId, job::run);
    }
}
