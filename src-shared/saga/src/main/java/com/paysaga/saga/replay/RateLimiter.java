package com.paysaga.saga.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces bulk replay starts evenly: each start waits until {@code 1/perSecond} after the previous
 * one, so a bulk replay of hundreds of failed files does not flood Batch and DynamoDB at once.
 */
public class RateLimiter {

    /** How to wait; tests pass one that advances a fake clock instead of sleeping. */
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration interval;
    private Instant next;

    public RateLimiter(double perSecond, Clock clock, Sleeper sleeper) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate limit must be positive, got " + perSecond);
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.interval = Duration.ofNanos((long) (1_000_000_000L / perSecond));
    }

    public static RateLimiter perSecond(double perSecond) {
        return new RateLimiter(perSecond, Clock.systemUTC(), d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000)));
    }

    public synchronized void acquire() {
        Instant now = clock.instant();
        if (next != null && now.isBefore(next)) {
            try {
                sleeper.sleep(Duration.between(now, next));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rate limiting", e);
            }
            now = next;
        }
        next = now.plus(interval);
    }
}
