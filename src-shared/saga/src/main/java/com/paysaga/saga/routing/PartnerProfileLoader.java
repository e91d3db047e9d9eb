package com.paysaga.saga.routing;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.paysaga.saga.staging.ObjectLayout;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Loads the partner profiles from the config bucket ({@code profiles/partners.json}), falling
 * back to the bundled document when the bucket has none. A malformed document in the bucket is
 * an error, never silently replaced by the default. Keeps what it read for {@code ttl}, since a
 * warm Lambda handles many files and profiles change rarely.
 */
public class PartnerProfileLoader {

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final Clock clock;
    private final Duration ttl;
    private PartnerProfiles cached;
    private Instant cachedAt;

    public PartnerProfileLoader(S3Client s3, String bucket, String key, Clock clock, Duration ttl) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.clock = clock;
        this.ttl = ttl;
    }

    public PartnerProfileLoader(S3Client s3, String bucket) {
        this(s3, bucket, ObjectLayout.PROFILES_KEY, Clock.systemUTC(), Duration.ofMinutes(1));
    }

    public synchronized PartnerProfiles load() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(cachedAt.plus(ttl))) {
            return cached;
        }
        cached = read();
        cachedAt = now;
        return cached;
    }

    private PartnerProfiles read() {
        if (bucket == null || bucket.isBlank()) {
            return PartnerProfiles.bundled();
        }
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(key))) {
            return PartnerProfiles.parse((InputStream) in, ObjectLayout.s3Uri(bucket, key));
        } catch (NoSuchKeyException absent) {
            return PartnerProfiles.bundled();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + ObjectLayout.s3Uri(bucket, key), e);
        }
    }
}
