package com.paysaga.saga.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BusinessCalendarsTest {

    private final BusinessCalendar fed = BusinessCalendars.named(BusinessCalendars.US_FEDERAL_RESERVE);
    private final BusinessCalendar target2 = BusinessCalendars.named(BusinessCalendars.TARGET2);

    /** The Federal Reserve's published holiday schedules for 2025 and 2026, and 2021's Sunday/Saturday cases. */
    @ParameterizedTest
    @CsvSource({
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
            "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-09-07", "2026-10-12",
            "2026-11-11", "2026-11-26", "2026-12-25",
            // Juneteenth 2022 fell on a Sunday: observed Monday 20 June.
            "2022-06-20",
            // Independence Day 2021 was a Sunday: observed Monday 5 July.
            "2021-07-05"})
    void federalReserveIsClosedOnItsHolidays(LocalDate date) {
        assertThat(fed.isBusinessDay(date)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            // Independence Day 2026 is a Saturday: the Reserve Banks stay open on Friday 3 July.
            "2026-07-03",
            // Christmas 2021 was a Saturday: Friday 24 December 2021 was a FedACH business day.
            "2021-12-24",
            // Juneteenth was not a Federal Reserve holiday before 2022.
            "2021-06-18",
            "2026-03-02", "2026-11-27"})
    void federalReserveSettlesOnOrdinaryWeekdaysAndFridaysBeforeSaturdayHolidays(LocalDate date) {
        assertThat(fed.isBusinessDay(date)).isTrue();
    }

    @Test
    void weekendsAreNeverBusinessDays() {
        assertThat(fed.isBusinessDay(LocalDate.parse("2026-03-07"))).isFalse();
        assertThat(target2.isBusinessDay(LocalDate.parse("2026-03-08"))).isFalse();
        assertThat(BusinessCalendars.named(BusinessCalendars.WEEKDAYS).isBusinessDay(LocalDate.parse("2026-03-07"))).isFalse();
        assertThat(BusinessCalendars.named(BusinessCalendars.EVERY_DAY).isBusinessDay(LocalDate.parse("2026-03-07"))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2024,2024-03-31", "2025,2025-04-20", "2026,2026-04-05", "2027,2027-03-28", "2038,2038-04-25",
            "2285,2285-03-22"})
    void easterSundayFollowsTheGregorianComputus(int year, LocalDate easter) {
        assertThat(BusinessCalendars.easterSunday(year)).isEqualTo(easter);
    }

    @ParameterizedTest
    @CsvSource({"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2025-12-26", "2025-04-18",
            "2025-04-21"})
    void target2IsClosedOnItsClosingDays(LocalDate date) {
        assertThat(target2.isBusinessDay(date)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2026-04-02", "2026-04-07", "2026-05-14", "2026-12-24", "2026-12-31"})
    void target2IsOpenOnHolidaysThatAreNotClosingDays(LocalDate date) {
        // Maundy Thursday, the Tuesday after Easter, Ascension Day, Christmas Eve, New Year's Eve.
        assertThat(target2.isBusinessDay(date)).isTrue();
    }

    @Test
    void nextBusinessDaySkipsAHolidayMondayAfterAWeekend() {
        assertThat(fed.nextBusinessDay(LocalDate.parse("2026-01-16"))).isEqualTo(LocalDate.parse("2026-01-20"));
        assertThat(target2.nextBusinessDay(LocalDate.parse("2026-04-02"))).isEqualTo(LocalDate.parse("2026-04-07"));
    }

    @Test
    void anUnknownCalendarNameListsTheKnownOnes() {
        assertThatThrownBy(() -> BusinessCalendars.named("NYSE"))
                .hasMessageContaining("unknown business calendar 'NYSE'")
                .hasMessageContaining("TARGET2");
    }
}
