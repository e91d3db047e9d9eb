package com.paysaga.saga.store;

import static com.paysaga.saga.store.RunsTable.s;
import static com.paysaga.saga.store.RunsTable.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The per-file lease, an attribute of the run's META item (DESIGN.md §4, guarantee 4). */
final class LeaseItems {

    private final RunsTable t;

    LeaseItems(RunsTable t) {
        this.t = t;
    }

    LeaseGrant acquire(String fileId, String holder, Duration ttl, Predicate<Lease> abandoned) {
        for (int attempt = 0; ; attempt++) {
            RunRecord run = t.findRun(fileId).orElseThrow(() -> new RunNotFoundException(fileId));
            Instant now = t.now();
            Optional<Lease> current = run.lease();
            LeaseRules.Outcome outcome = LeaseRules.decide(current, holder, now);
            if (outcome == LeaseRules.Outcome.REFUSE && abandoned.test(current.get())) {
                outcome = LeaseRules.Outcome.TAKE_OVER;
            }
            if (outcome == LeaseRules.Outcome.REFUSE) {
                throw new LeaseHeldException(fileId, current.get().holder(), current.get().expiresAt());
            }
            Lease granted = new Lease(holder, now.plus(ttl));
            UpdateExpression u = new UpdateExpression();
            u.set("lease", AttributeValues.of(Map.of("holder", holder, "expiresAt", timestamp(granted.expiresAt()))));
            // Conditional on the lease still being what was read: of two racing takers exactly one wins.
            if (current.isEmpty()) {
                u.condition("attribute_not_exists(" + u.name("lease") + ")");
            } else {
                u.condition(u.name("lease") + "." + u.name("holder") + " = " + u.value(s(current.get().holder()))
                        + " AND " + u.name("lease") + "." + u.name("expiresAt") + " = "
                        + u.value(s(timestamp(current.get().expiresAt()))));
            }
            try {
                t.updateMeta(fileId, u);
                return new LeaseGrant(granted,
                        outcome == LeaseRules.Outcome.TAKE_OVER ? current : Optional.empty());
            } catch (ConditionalCheckFailedException raced) {
                if (attempt >= 2) {
                    RunRecord now2 = t.findRun(fileId).orElseThrow(() -> new RunNotFoundException(fileId));
                    Lease other = now2.lease().orElse(new Lease("unknown", t.now()));
                    throw new LeaseHeldException(fileId, other.holder(), other.expiresAt());
                }
            }
        }
    }

    boolean release(String fileId, String holder) {
        UpdateExpression u = new UpdateExpression();
        u.remove("lease");
        u.condition(u.name("lease") + "." + u.name("holder") + " = " + u.value(s(holder)));
        try {
            t.updateMeta(fileId, u);
            return true;
        } catch (ConditionalCheckFailedException notHolder) {
            return false;
        }
    }
}
