package com.paysaga.saga.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where a file falls in its partner's windows.
 *
 * @param waitUntil present only for a late file whose policy is to wait: when the next
 *                  business day's windows open
 */
public record WindowAssignment(LocalDate businessDate, CutOffWindow window, Instant cutOff, boolean late,
        RouteAction action, Optional<Instant> waitUntil) {
}
