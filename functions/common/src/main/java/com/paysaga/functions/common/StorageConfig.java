package com.paysaga.functions.common;

import com.paysaga.saga.staging.ObjectLayout;
import com.paysaga.saga.store.Buckets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The stack's buckets (env *_BUCKET from template.yaml Globals). */
@ConfigMapping(prefix = "paysaga.storage")
public interface StorageConfig {

    String inboundBucket();

    String workBucket();

    String stagingBucket();

    String archiveBucket();

    String configBucket();

    @WithDefault(ObjectLayout.PROFILES_KEY)
    String profilesKey();

    default Buckets buckets() {
        return new Buckets(inboundBucket(), workBucket(), stagingBucket(), archiveBucket(), configBucket());
    }
}
