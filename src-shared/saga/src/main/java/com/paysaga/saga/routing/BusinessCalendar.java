package com.paysaga.saga.routing;

import java.time.LocalDate;

/**
 * Which dates a payment system settles on. Calendars are computed by rule (fixed dates,
 * n-th weekdays, Easter), so they hold for any year without a yearly table to maintain.
 */
public interface BusinessCalendar {

    /** The name profiles use: {@code US_FEDERAL_RESERVE}, {@code TARGET2}, {@code WEEKDAYS}, {@code EVERY_DAY}. */
    String name();

    boolean isBusinessDay(LocalDate date);

    /** The first business day strictly after {@code date}. */
    default LocalDate nextBusinessDay(LocalDate date) {
        LocalDate d = date.plusDays(1);
        // Any real calendar has a business day within a few weeks; the bound turns a broken
        // calendar into an error instead of an endless loop.
        for (int i = 0; i < 366; i++, d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                return d;
            }
        }
        throw new IllegalStateException("calendar " + name() + " has no business day in the year after " + date);
    }
}
