package com.paysaga.shared.staging;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code staging/<fileId>/manifest.json} (docs/contracts.md): written last by Transform, so its
 * existence means every chunk it lists is complete. Totals are minor units per ISO currency.
 */
@JsonPropertyOrder({"fileId", "format", "partner", "chunkSize", "transactions", "tokenKeyVersion", "totals", "chunks"})
public record Manifest(String fileId, String format, String partner, int chunkSize, long transactions,
        String tokenKeyVersion, Map<String, Totals> totals, List<ChunkDescriptor> chunks) {

    public Manifest {
        totals = Map.copyOf(totals);
        chunks = List.copyOf(chunks);
    }

    @JsonPropertyOrder({"debit", "credit"})
    public record Totals(long debit, long credit) {
    }
}
