package com.paysaga.saga.staging;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code staging/<fileId>/manifest.json} (docs/contracts.md): written last by Transform, so its
 * existence means every chunk it lists is complete; read by the checkpoint function (Load
 * planning, Finalize) and by replays. Totals are minor units per ISO currency.
 *
 * <p>Written with {@link StagingJson}: the field order below is the contract's, and
 * {@link Totals} is a record rather than a map because the mapper sorts map entries, which would
 * turn {@code debit, credit} into {@code credit, debit}. Readers ignore fields they do not know,
 * so a manifest with more fields than this version knows still loads.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"fileId", "format", "partner", "chunkSize", "transactions", "tokenKeyVersion", "totals", "chunks"})
public record Manifest(String fileId, String format, String partner, int chunkSize, long transactions,
        String tokenKeyVersion, Map<String, Totals> totals, List<ChunkDescriptor> chunks) {

    public Manifest {
        totals = totals == null ? Map.of() : Map.copyOf(totals);
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"debit", "credit"})
    public record Totals(long debit, long credit) {
    }
}
