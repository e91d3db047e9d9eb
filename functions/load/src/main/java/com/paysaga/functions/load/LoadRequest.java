package com.paysaga.functions.load;

import com.paysaga.saga.staging.ChunkDescriptor;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One item of the Load Map (its ItemSelector): the chunk descriptor read from
 * {@code staging/<fileId>/chunks.json}, the file, the execution, the replay flag and the
 * settlement window of the route decision.
 */
@RegisterForReflection
public record LoadRequest(String fileId, String execution, ChunkDescriptor chunk, Boolean onlyFailedChunks,
        String businessDate, String window, Boolean late) {
}
