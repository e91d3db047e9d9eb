package com.paysaga.saga.routing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Route's answer, as the state machine carries it in {@code $.route} (field names are the ASL's
 * JSONPaths: {@code $.route.action}, {@code $.route.waitUntil}, {@code $.route.jobQueue},
 * {@code $.route.chunkSize}, {@code $.route.loadConcurrency}) and as the run's META item keeps it.
 *
 * @param businessDate    settlement business date (ISO date) in the profile's zone
 * @param window          name of the window the file is processed in
 * @param cutOff          that window's cut-off as an instant (RFC 3339, UTC)
 * @param late            the file missed its business day's last cut-off
 * @param waitUntil       for {@link RouteAction#WAIT}: the instant the Wait state's
 *                        {@code TimestampPath} reads (RFC 3339 UTC, whole seconds); else absent
 * @param jobQueue        ARN of the Batch job queue the heavy stages use
 */
// Every field is written, null included: the state machine's ResultSelector selects each by path.
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RouteDecision(
        String fileId,
        String partner,
        String profileId,
        String format,
        String paymentType,
        String timeZone,
        String calendar,
        String businessDate,
        String window,
        String cutOff,
        boolean late,
        LatePolicy latePolicy,
        RouteAction action,
        String waitUntil,
        JobQueueClass jobQueueClass,
        String jobQueue,
        int chunkSize,
        int loadConcurrency,
        ExpectedEncryption expectedEncryption,
        String pgpSigningKeyId,
        List<String> nachaLeniency,
        String csvMapping) {
}
