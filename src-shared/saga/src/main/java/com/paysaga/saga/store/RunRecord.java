package com.paysaga.saga.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The META item of a run (docs/contracts.md, runs table). */
public record RunRecord(
        String fileId,
        String partner,
        String bucket,
        String key,
        String versionId,
        long size,
        String sha256,
        Instant receivedAt,
        RunStatus runStatus,
        String stageUpdatedAt,
        String currentStage,
        String format,
        String profileId,
        Map<String, Object> route,
        Optional<Lease> lease,
        Long transactionsParsed,
        Long transactionsLoaded,
        ErrorInfo lastError) {

    public RunRecord {
        // The route decision keeps its null fields (waitUntil of a PROCESS decision): no Map.copyOf.
        route = route == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(route));
        lease = lease == null ? Optional.empty() : lease;
    }

    /** When the run last changed stage or status: the instant of {@code stageUpdatedAt}, EPOCH when unknown. */
    public Instant updatedAt() {
        String v = stageUpdatedAt;
        return v == null || v.indexOf('#') < 0 ? Instant.EPOCH : Instant.parse(v.substring(v.indexOf('#') + 1));
    }
}
