package com.paysaga.batch;

import java.util.concurrent.atomic.AtomicLong;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the KMS requests of this process (configured as an interceptor of the KMS client), so
 * each job reports how many it made: constant per file, whatever its size, is a design goal
 * (tokenization keys unwrapped once, data keys generated once).
 */
public final class KmsCallCounter implements ExecutionInterceptor {

    private static final AtomicLong CALLS = new AtomicLong();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        CALLS.incrementAndGet();
    }

    public static long calls() {
        return CALLS.get();
    }
}
