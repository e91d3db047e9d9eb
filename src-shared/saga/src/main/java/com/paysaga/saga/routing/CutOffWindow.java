package com.paysaga.saga.routing;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A processing window of a business day, known by its cut-off: a file that arrives at or before
 * {@code cutOff} (in the profile's time zone) goes in this window.
 */
public record CutOffWindow(String name, LocalTime cutOff) {

    public CutOffWindow {
        Objects.requireNonNull(name, "window name");
        Objects.requireNonNull(cutOff, "window cutOff");
    }
}
