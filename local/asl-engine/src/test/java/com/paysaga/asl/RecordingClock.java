package com.paysaga.asl;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Skips every wait and remembers how long each one would have been. */
final class RecordingClock implements AslClock {

    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AslClock delegate = AslClock.skippingWaits();

    @Override
    public Instant now() {
        return delegate.now();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        sleeps.add(duration);
        delegate.sleep(duration);
    }

    List<Double> seconds() {
        return sleeps.stream().map(d -> d.toNanos() / 1e9).toList();
    }
}
