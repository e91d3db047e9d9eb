package com.paysaga.saga.store;

/** The stack's bucket names (template.yaml InboundBucket, WorkBucket, StagingBucket, ArchiveBucket, ConfigBucket). */
public record Buckets(String inbound, String work, String staging, String archive, String config) {
}
