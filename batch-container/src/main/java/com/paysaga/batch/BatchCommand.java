package com.paysaga.batch;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The job image's entry point: {@code decrypt|transform|archive --file-id ID} (docs/contracts.md). */
@TopCommand
@Command(name = "paysaga-batch", mixinStandardHelpOptions = true,
        subcommands = {DecryptCommand.class, TransformCommand.class, ArchiveCommand.class},
        description = "PaySaga's heavy stages, run by AWS Batch. Exit codes: 0 success, 2 usage or configuration,"
                + " 10 input rejected, 75 transient (retry).")
public class BatchCommand {
}
