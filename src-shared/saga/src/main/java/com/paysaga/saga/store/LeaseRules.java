package com.paysaga.saga.store;

import java.time.Instant;
import java.util.Optional;

/** The lease decision, apart from DynamoDB so that it is tested on its own. */
public final class LeaseRules {

    public enum Outcome {
        /** No lease exists: take it. */
        GRANT,
        /** The requester already holds it: extend it. */
        RENEW,
        /** Another holder's lease has expired: take it over (after stopping that holder's work). */
        TAKE_OVER,
        /** Another holder's lease is live: refuse. */
        REFUSE
    }

    private LeaseRules() {
    }

    public static Outcome decide(Optional<Lease> current, String requester, Instant now) {
        if (current.isEmpty()) {
            return Outcome.GRANT;
        }
        Lease lease = current.get();
        if (lease.holder().equals(requester)) {
            return Outcome.RENEW;
        }
        return lease.staleAt(now) ? Outcome.TAKE_OVER : Outcome.REFUSE;
    }
}
