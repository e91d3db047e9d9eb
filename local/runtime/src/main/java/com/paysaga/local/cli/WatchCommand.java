package com.paysaga.local.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import com.paysaga.local.runtime.LocalRuntime;
import com.paysaga.local.runtime.LocalStepFunctions;
import com.paysaga.saga.staging.ObjectLayout;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * Turns every new upload to the inbound bucket (by any tool talking to the emulator, e.g.
 * {@code aws s3 cp --endpoint-url …}) into the EventBridge event AWS would send, and runs it.
 * The emulator has no event bus of its own here, so new object versions are found by listing.
 */
@Command(name = "watch", description = "Run the pipeline for every new upload to the inbound bucket, until stopped.")
public final class WatchCommand implements Callable<Integer> {

    @Mixin
    RuntimeOptions runtime;

    @Option(names = "--interval", defaultValue = "PT1S", description = "How often to look (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--for", description = "Stop after this long (default: until interrupted).")
    Duration duration;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (LocalRuntime rt = runtime.start(); S3Client s3 = rt.clients().s3()) {
            String bucket = rt.stack().ref("InboundBucket");
            Set<String> seen = new HashSet<>();
            // What is there already was there before we watched: S3 sends no events for it.
            s3.listObjectVersionsPaginator(b -> b.bucket(bucket)).versions().forEach(v -> seen.add(id(v)));
            var err = spec.commandLine().getErr();
            err.println("watching " + ObjectLayout.s3Uri(bucket, ObjectLayout.INBOUND_PREFIX) + " (Ctrl-C to stop)");
            err.flush();
            Instant end = duration == null ? Instant.MAX : Instant.now().plus(duration);
            int started = 0;
            while (Instant.now().isBefore(end)) {
                for (ObjectVersion v : s3.listObjectVersionsPaginator(b -> b.bucket(bucket)).versions()) {
                    if (!seen.add(id(v))) {
                        continue;
                    }
                    byte[] content = s3.getObjectAsBytes(b -> b.bucket(bucket).key(v.key()).versionId(v.versionId())).asByteArray();
                    for (LocalStepFunctions.Started s : rt.publishObjectCreated(bucket, v.key(), content.length,
                            v.eTag(), v.versionId())) {
                        started++;
                        err.println(ObjectLayout.s3Uri(bucket, v.key()) + " -> execution " + s.execution().name());
                        Thread.ofVirtual().start(() -> {
                            try {
                                var r = rt.await(s, Duration.ofHours(6));
                                err.println(s.execution().name() + " " + r.status()
                                        + (r.error() == null ? "" : " " + r.error()));
                                err.flush();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
                    }
                    err.flush();
                }
                Thread.sleep(interval.toMillis());
            }
            spec.commandLine().getOut().println(started + " execution(s) started");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static String id(ObjectVersion v) {
        return v.key() + "@" + v.versionId();
    }
}
