package com.paysaga.functions.replay;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the replay function starts, stops and terminates, and how fast a bulk replay may go. */
@ConfigMapping(prefix = "paysaga.replay")
public interface ReplayConfig {

    /** env STATE_MACHINE_ARN */
    String stateMachineArn();

    /** env JOB_QUEUE_ARNS (comma-separated): where a stale holder's Batch jobs are looked for. */
    List<String> jobQueues();

    /** env REPLAY_RATE_PER_SECOND */
    @WithDefault("2")
    double ratePerSecond();

    /** The SDK clients built by hand (sfn, batch): where they connect. */
    Aws aws();

    interface Aws {
        /** env SFN_ENDPOINT_URL, else AWS_ENDPOINT_URL (the emulator or the local runtime); empty on AWS. */
        Optional<URI> sfnEndpoint();

        /** env BATCH_ENDPOINT_URL, else AWS_ENDPOINT_URL. */
        Optional<URI> batchEndpoint();

        /** env AWS_REGION (always set by Lambda). */
        @WithDefault("us-east-1")
        String region();

        /** Static credentials for an emulator; absent on AWS, where the default chain reads the role's. */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }
}
