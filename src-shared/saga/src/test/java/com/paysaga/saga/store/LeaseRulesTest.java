package com.paysaga.saga.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LeaseRulesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void aFileWithoutLeaseIsGranted() {
        assertThat(LeaseRules.decide(Optional.empty(), "exec-a", NOW)).isEqualTo(LeaseRules.Outcome.GRANT);
    }

    @Test
    void theHolderRenewsItsOwnLeaseEvenWhenExpired() {
        Lease mine = new Lease("exec-a", NOW.minusSeconds(5));
        assertThat(LeaseRules.decide(Optional.of(mine), "exec-a", NOW)).isEqualTo(LeaseRules.Outcome.RENEW);
    }

    @Test
    void anotherHoldersLiveLeaseIsRefused() {
        Lease theirs = new Lease("exec-b", NOW.plusSeconds(1));
        assertThat(LeaseRules.decide(Optional.of(theirs), "exec-a", NOW)).isEqualTo(LeaseRules.Outcome.REFUSE);
    }

    @Test
    void aLeaseExpiringNowIsStaleAndTakenOver() {
        Lease theirs = new Lease("exec-b", NOW);
        assertThat(LeaseRules.decide(Optional.of(theirs), "exec-a", NOW)).isEqualTo(LeaseRules.Outcome.TAKE_OVER);
    }
}
