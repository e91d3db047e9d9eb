package com.paysaga.functions.validate;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The "Validate File" task's Payload: {@code input} is the state (the S3 Object Created event
 * for a new upload; the LoadCheckpoint result with {@code run} and {@code replay} facts for a
 * replay from Validate), {@code execution} is {@code $$.Execution.Name}.
 */
@RegisterForReflection
public record ValidateRequest(JsonNode input, String execution) {
}
