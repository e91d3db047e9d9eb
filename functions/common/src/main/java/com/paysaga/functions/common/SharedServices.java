package com.paysaga.functions.common;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.paysaga.saga.replay.ReplayPrerequisites;
import com.paysaga.saga.routing.PartnerProfileLoader;
import com.paysaga.saga.store.RunStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the framework-free src-shared services from the injected Quarkiverse clients and the
 * configuration mappings. Beans are created on first use, never in static initialisers, so a
 * native image builds them at run time with the run time configuration.
 */
@ApplicationScoped
public class SharedServices {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    RunStore runStore(DynamoDbClient dynamo, RunsConfig config, Clock clock) {
        return new RunStore(dynamo, config.table(), clock);
    }

    @Produces
    @ApplicationScoped
    PartnerProfileLoader profiles(S3Client s3, StorageConfig storage, Clock clock) {
        return new PartnerProfileLoader(s3, storage.configBucket(), storage.profilesKey(), clock, Duration.ofMinutes(1));
    }

    @Produces
    @ApplicationScoped
    ReplayPrerequisites prerequisites(RunStore runs, S3Client s3, StorageConfig storage) {
        return new ReplayPrerequisites(runs, s3, storage.buckets());
    }
}
