package com.paysaga.saga.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CutOffRulesTest {

    private final PartnerProfiles samples = PartnerProfiles.bundled();
    private final PartnerProfile ach = samples.require("acme");
    private final PartnerProfile sepa = samples.require("eurobank");
    private final PartnerProfile card = samples.require("cardco");

    @Test
    void anAchFileBeforeTheFirstCutOffGoesInTheFirstSameDayWindow() {
        // 10:29:59 in New York (EST, UTC-5) on a Monday.
        WindowAssignment a = CutOffRules.assign(ach, Instant.parse("2026-03-02T15:29:59Z"));
        assertThat(a.window().name()).isEqualTo("SDA-1");
        assertThat(a.businessDate()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(a.cutOff()).isEqualTo(Instant.parse("2026-03-02T15:30:00Z"));
        assertThat(a.late()).isFalse();
        assertThat(a.action()).isEqualTo(RouteAction.PROCESS);
    }

    @Test
    void anAchFileExactlyAtACutOffStillMakesThatWindow() {
        WindowAssignment a = CutOffRules.assign(ach, Instant.parse("2026-03-02T19:45:00Z"));
        assertThat(a.window().name()).isEqualTo("SDA-2");
    }

    @Test
    void windowsFollowNewYorkDaylightSavingTime() {
        // 16:45 EDT (UTC-4) on a summer Wednesday is 20:45 UTC.
        WindowAssignment a = CutOffRules.assign(ach, Instant.parse("2026-07-15T20:40:00Z"));
        assertThat(a.window().name()).isEqualTo("SDA-3");
        assertThat(a.cutOff()).isEqualTo(Instant.parse("2026-07-15T20:45:00Z"));
    }

    @Test
    void aLateAchFileWaitsUntilTheNextFedBusinessDayOpensSkippingAHolidayMonday() {
        // Friday 16 Jan 2026, 17:00 New York: Monday 19 Jan is Martin Luther King Jr. Day.
        WindowAssignment a = CutOffRules.assign(ach, Instant.parse("2026-01-16T22:00:00Z"));
        assertThat(a.late()).isTrue();
        assertThat(a.action()).isEqualTo(RouteAction.WAIT);
        assertThat(a.businessDate()).isEqualTo(LocalDate.parse("2026-01-20"));
        assertThat(a.window().name()).isEqualTo("SDA-1");
        assertThat(a.waitUntil()).contains(Instant.parse("2026-01-20T11:00:00Z"));
    }

    @Test
    void anAchFileOnASaturdayIsNotLateAndGoesInMondaysFirstWindow() {
        WindowAssignment a = CutOffRules.assign(ach, Instant.parse("2026-03-07T14:00:00Z"));
        assertThat(a.late()).isFalse();
        assertThat(a.action()).isEqualTo(RouteAction.PROCESS);
        assertThat(a.businessDate()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(a.waitUntil()).isEmpty();
    }

    @Test
    void aLateSepaStatementIsProcessedAtOnceAndFlaggedLateForTheNextTarget2Day() {
        // Maundy Thursday 2 April 2026, 23:45 Berlin (CEST, UTC+2): Good Friday and Easter Monday are closed.
        WindowAssignment a = CutOffRules.assign(sepa, Instant.parse("2026-04-02T21:45:00Z"));
        assertThat(a.late()).isTrue();
        assertThat(a.action()).isEqualTo(RouteAction.PROCESS);
        assertThat(a.businessDate()).isEqualTo(LocalDate.parse("2026-04-07"));
        assertThat(a.waitUntil()).isEmpty();
    }

    @Test
    void aCardSettlementFileAfterSixUtcIsRejected() {
        assertThatThrownBy(() -> CutOffRules.assign(card, Instant.parse("2026-03-07T06:00:01Z")))
                .isInstanceOf(LateFileRejectedException.class)
                .hasMessageContaining("after the last cut-off 06:00 UTC")
                .hasMessageContaining("cardco-settlement-csv");
    }

    @Test
    void aCardSettlementFileOnASundayMorningIsOnTimeBecauseItsCalendarHasNoClosedDays() {
        WindowAssignment a = CutOffRules.assign(card, Instant.parse("2026-03-08T05:59:00Z"));
        assertThat(a.late()).isFalse();
        assertThat(a.businessDate()).isEqualTo(LocalDate.parse("2026-03-08"));
    }
}
