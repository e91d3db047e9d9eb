package com.paysaga.functions.replay;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import com.paysaga.functions.common.RunsConfig;
import com.paysaga.saga.aws.AwsClients;
import com.paysaga.saga.replay.RateLimiter;
import com.paysaga.saga.replay.ReplayPrerequisites;
import com.paysaga.saga.replay.ReplayService;
import com.paysaga.saga.store.RunStore;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The Step Functions and Batch clients (built from configuration, as the Quarkiverse extensions
 * would build theirs) and the replay service on top of them.
 */
@ApplicationScoped
public class ReplayClients {

    @Produces
    @ApplicationScoped
    SfnClient sfn(ReplayConfig config) {
        return clients(config, config.aws().sfnEndpoint()).configure(SfnClient.builder()).build();
    }

    @Produces
    @ApplicationScoped
    BatchClient batch(ReplayConfig config) {
        return clients(config, config.aws().batchEndpoint()).configure(BatchClient.builder()).build();
    }

    void close(@Disposes SfnClient sfn) {
        sfn.close();
    }

    void close(@Disposes BatchClient batch) {
        batch.close();
    }

    @Produces
    @ApplicationScoped
    ReplayService replay(RunStore runs, ReplayPrerequisites prerequisites, SfnClient sfn, BatchClient batch,
            ReplayConfig config, RunsConfig runsConfig, Clock clock) {
        return new ReplayService(runs, prerequisites, new SfnExecutionControl(sfn, config.stateMachineArn()),
                new BatchJobControl(batch, config.jobQueues()), runsConfig.leaseTimeout(),
                RateLimiter.perSecond(config.ratePerSecond()), clock);
    }

    private static AwsClients clients(ReplayConfig config, Optional<URI> endpoint) {
        ReplayConfig.Aws aws = config.aws();
        AwsCredentialsProvider credentials = aws.accessKeyId().isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(aws.accessKeyId().get(),
                        aws.secretAccessKey().orElse("")))
                : DefaultCredentialsProvider.builder().build();
        return new AwsClients(endpoint, Region.of(aws.region()), credentials);
    }
}
