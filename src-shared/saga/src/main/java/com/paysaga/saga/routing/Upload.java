package com.paysaga.saga.routing;

import java.time.Instant;

/**
 * An object in the inbound bucket, as the S3 "Object Created" event describes it.
 *
 * @param receivedAt the event's {@code time}: the arrival instant Route's cut-off rules use
 */
public record Upload(String bucket, String key, String versionId, long size, String etag, Instant receivedAt) {
}
