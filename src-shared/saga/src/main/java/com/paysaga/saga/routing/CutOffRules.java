package com.paysaga.saga.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Assigns a file to a processing window from the instant it was received, never from "now", so
 * that a replay of Route decides exactly what the first run decided.
 *
 * <ul>
 * <li>On a business day, the first window whose cut-off is at or after the arrival time.</li>
 * <li>On a day the calendar closes, the first window of the next business day; not late, since
 *     no window of that day was missed.</li>
 * <li>After the last cut-off of a business day, late: the late policy decides between waiting
 *     until the next business day's windows open, processing at once for the next window
 *     flagged late, and rejecting.</li>
 * </ul>
 */
public final class CutOffRules {

    private CutOffRules() {
    }

    public static WindowAssignment assign(PartnerProfile profile, Instant receivedAt) {
        BusinessCalendar calendar = profile.businessCalendar();
        ZonedDateTime local = receivedAt.atZone(profile.timeZone());
        LocalDate date = local.toLocalDate();
        LocalTime time = local.toLocalTime();
        if (calendar.isBusinessDay(date)) {
            for (CutOffWindow w : profile.cutOffWindows()) {
                if (!time.isAfter(w.cutOff())) {
                    return new WindowAssignment(date, w, at(profile, date, w.cutOff()), false, RouteAction.PROCESS,
                            Optional.empty());
                }
            }
            LocalDate next = calendar.nextBusinessDay(date);
            CutOffWindow first = profile.cutOffWindows().get(0);
            Instant cutOff = at(profile, next, first.cutOff());
            return switch (profile.latePolicy()) {
                case WAIT_FOR_NEXT_WINDOW -> new WindowAssignment(next, first, cutOff, true, RouteAction.WAIT,
                        Optional.of(at(profile, next, profile.windowsOpenAt()).truncatedTo(ChronoUnit.SECONDS)));
                case PROCESS_AND_FLAG_LATE -> new WindowAssignment(next, first, cutOff, true, RouteAction.PROCESS,
                        Optional.empty());
                case REJECT -> throw new LateFileRejectedException(profile.profileId(), receivedAt,
                        profile.cutOffWindows().get(profile.cutOffWindows().size() - 1).cutOff(),
                        profile.timeZone().getId());
            };
        }
        LocalDate next = calendar.nextBusinessDay(date);
        CutOffWindow first = profile.cutOffWindows().get(0);
        return new WindowAssignment(next, first, at(profile, next, first.cutOff()), false, RouteAction.PROCESS,
                Optional.empty());
    }

    /** A wall-clock time of a business date in the profile's zone; a time a DST gap skips moves forward. */
    private static Instant at(PartnerProfile profile, LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, profile.timeZone()).toInstant();
    }
}
