package com.paysaga.asl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for the engine. {@link #system()} waits for real; {@link #skippingWaits()} returns from
 * Wait states and Retry intervals at once (while still advancing its own time by the skipped
 * amount, so that {@code $$.State.EnteredTime} and timestamps keep their order). Task timeouts and
 * the execution's {@code TimeoutSeconds} always run on real time: they bound work that really
 * runs.
 */
public interface AslClock {

    Instant now();

    /** Waits {@code duration}; interrupted when the execution is stopped or times out. */
    void sleep(Duration duration) throws InterruptedException;

    static AslClock system() {
        return new AslClock() {
            private final Clock clock = Clock.systemUTC();

            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (!duration.isNegative() && !duration.isZero()) {
                    Thread.sleep(duration);
                } else if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        };
    }

    static AslClock skippingWaits() {
        return new AslClock() {
            private final AtomicLong skippedNanos = new AtomicLong();

            @Override
            public Instant now() {
                return Instant.now().plusNanos(skippedNanos.get());
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (duration.isPositive()) {
                    skippedNanos.addAndGet(Math.min(duration.toNanos(), Long.MAX_VALUE / 4));
                }
            }
        };
    }
}
