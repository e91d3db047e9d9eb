package com.paysaga.functions.load;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import com.paysaga.functions.common.StorageConfig;
import com.paysaga.saga.store.Backoff;
import com.paysaga.saga.store.ChunkLoader;
import com.paysaga.saga.store.RunStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

@ApplicationScoped
public class LoadServices {

    @Produces
    @ApplicationScoped
    ChunkLoader loader(S3Client s3, DynamoDbClient dynamo, RunStore runs, StorageConfig storage, LoadConfig load,
            Clock clock) {
        return new ChunkLoader(s3, dynamo, runs, storage.stagingBucket(), load.transactionsTable(),
                new Backoff(load.backoffBase(), load.backoffCap(), load.maxAttempts()), d -> Thread.sleep(d.toMillis()),
                clock);
    }
}
