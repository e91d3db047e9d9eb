package com.paysaga.saga.staging;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings of chunks, chunk lists and manifests, for Transform that writes them and for
 * Load and the checkpoint function that read them: ISO-8601 dates, no per-value flush, and map
 * entries sorted by key, since {@code Map.copyOf} iterates in an order that differs from one JVM
 * to the next and a re-run must write byte-identical chunks (same SHA-256 in the manifest).
 */
public final class StagingJson {

    private StagingJson() {
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }
}
