package com.paysaga.saga.store;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog):
 * the n-th wait is uniform in [0, min(cap, base * 2^n)], which spreads retrying writers apart
 * better than a fixed or merely exponential delay.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    public static final Backoff DYNAMODB_DEFAULT = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), 10);

    public Duration delay(int attempt, DoubleSupplier random) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << Math.min(attempt, 30)));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }
}
