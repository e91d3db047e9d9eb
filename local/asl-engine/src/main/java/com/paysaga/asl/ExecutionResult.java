package com.paysaga.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How an execution ended, like {@code DescribeExecution}: the output when it succeeded, otherwise
 * the error and cause (either may be null, as on the service).
 */
public record ExecutionResult(ExecutionStatus status, JsonNode output, String error, String cause) {
}
