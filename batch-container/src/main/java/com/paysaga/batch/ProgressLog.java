package com.paysaga.batch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.paysaga.saga.staging.ProgressListener;

/** Logs a {@code progress} line at most once per interval: bytes, records, chunks and their rates. */
final class ProgressLog implements ProgressListener {

    private final JobLog log;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long last = started;

    ProgressLog(JobLog log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public void progress(long bytes, long records, int chunks) {
        long now = System.nanoTime();
        if (now - last >= intervalNanos) {
            last = now;
            log.info("progress", fields(bytes, records, chunks, now));
        }
    }

    Map<String, Object> fields(long bytes, long records, int chunks, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bytes", bytes);
        f.put("records", records);
        f.put("chunks", chunks);
        f.put("elapsedMs", (now - started) / 1_000_000);
        f.put("bytesPerSecond", Math.round(bytes / seconds));
        f.put("recordsPerSecond", Math.round(records / seconds));
        return f;
    }
}
