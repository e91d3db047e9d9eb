package com.paysaga.functions.route;

import io.smallrye.config.ConfigMapping;

/** The Batch job queues a profile's {@code jobQueue} class maps to (env STANDARD_JOB_QUEUE_ARN, PRIORITY_JOB_QUEUE_ARN). */
@ConfigMapping(prefix = "paysaga.queues")
public interface QueuesConfig {

    String standard();

    String priority();
}
