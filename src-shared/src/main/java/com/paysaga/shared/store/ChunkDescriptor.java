package com.paysaga.shared.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of the manifest's {@code chunks} and of {@code chunks.json}: what the Load Map hands to Load. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChunkDescriptor(int index, String key, long transactions, String sha256) {
}
