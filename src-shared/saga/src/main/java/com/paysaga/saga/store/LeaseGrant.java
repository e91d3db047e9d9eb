package com.paysaga.saga.store;

import java.util.Optional;

/**
 * A lease that was granted, and the stale lease it replaced, if any: the caller must stop
 * whatever the stale holder may still be running before it starts work of its own.
 */
public record LeaseGrant(Lease lease, Optional<Lease> takenOverFrom) {

    public boolean tookOver() {
        return takenOverFrom.isPresent();
    }
}
