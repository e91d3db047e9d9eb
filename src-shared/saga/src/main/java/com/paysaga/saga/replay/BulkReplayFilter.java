package com.paysaga.saga.replay;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code {"filter": {"status", "stage", "partner", "since"}, "fromStage", "reason", "maxFiles"}}:
 * which runs a bulk replay restarts. {@code status} defaults to FAILED; {@code stage} is the stage
 * the run's status was set at (the failed stage for FAILED runs); {@code since} an ISO instant.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BulkReplayFilter(String status, String stage, String partner, String since) {
}
