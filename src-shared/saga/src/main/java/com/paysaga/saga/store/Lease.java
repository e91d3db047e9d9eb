package com.paysaga.saga.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The per-file lease on the META item: only its holder (an execution name) may work on the
 * file until {@code expiresAt}; after that any taker may claim it (DESIGN.md §4 guarantee 4).
 */
public record Lease(String holder, Instant expiresAt) {

    public Lease {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean staleAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
