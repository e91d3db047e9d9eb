package com.paysaga.functions.checkpoint;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.paysaga.functions.common.RunsConfig;
import com.paysaga.functions.common.StorageConfig;
import com.paysaga.saga.replay.ReplayPrerequisites;
import com.paysaga.saga.store.CheckpointService;
import com.paysaga.saga.store.RunStore;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

@ApplicationScoped
public class CheckpointServices {

    @Produces
    @ApplicationScoped
    CheckpointService checkpoints(RunStore runs, S3Client s3, SnsClient sns, StorageConfig storage,
            NotificationsConfig notifications, ReplayPrerequisites prerequisites, RunsConfig config, Clock clock) {
        return new CheckpointService(runs, s3, sns, storage.buckets(), notifications.topicArn(), prerequisites,
                config.leaseTimeout(), clock);
    }
}
