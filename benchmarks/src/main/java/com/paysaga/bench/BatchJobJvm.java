package com.paysaga.bench;

/**
 * The JVM options the Batch job runs with, for the benchmarks of what runs in it.
 *
 * <p>The job image (batch-container/src/main/docker/Dockerfile.jvm) starts the JVM through the
 * UBI OpenJDK image's run-java.sh. Its java-default-options add the Parallel collector and the
 * heap-sizing ratios below (the Dockerfile names the collector explicitly), and the Dockerfile
 * appends the raised inlining limit. A benchmark forked with the JVM's own defaults measures a
 * different JVM: G1 on a machine with two or more cores, whose write barriers the job never pays
 * (about 7% of the camt.053 parse), and the default inlining limit (see the Dockerfile for why
 * the job raises it). Keep these in step with the Dockerfile.
 */
final class BatchJobJvm {

    static final String GC = "-XX:+UseParallelGC";
    static final String MIN_HEAP_FREE = "-XX:MinHeapFreeRatio=10";
    static final String MAX_HEAP_FREE = "-XX:MaxHeapFreeRatio=20";
    static final String GC_TIME_RATIO = "-XX:GCTimeRatio=4";
    static final String ADAPTIVE_SIZE_WEIGHT = "-XX:AdaptiveSizePolicyWeight=90";
    static final String FREQ_INLINE_SIZE = "-XX:FreqInlineSize=400";

    private BatchJobJvm() {
    }
}
