package com.paysaga.shared.store;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * {@code staging/<fileId>/manifest.json} (docs/contracts.md), written by Transform, read by the
 * checkpoint Lambda (Load planning, Finalize) and by replays.
 *
 * @param totals per currency: {@code debit} and {@code credit} sums in minor units
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(String fileId, String format, String partner, int chunkSize, long transactions,
        String tokenKeyVersion, Map<String, Map<String, Long>> totals, List<ChunkDescriptor> chunks) {

    public Manifest {
        totals = totals == null ? Map.of() : Map.copyOf(totals);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }
}
