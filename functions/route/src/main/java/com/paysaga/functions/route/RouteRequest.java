package com.paysaga.functions.route;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The "Route File" task's Payload: {@code $.run.fileId} and {@code $$.Execution.Name}. */
@RegisterForReflection
public record RouteRequest(String fileId, String execution) {
}
