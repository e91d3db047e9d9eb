package com.paysaga.saga;

import java.util.Arrays;

/**
 * The pipeline's stages, in order. The enum constant names are the names used everywhere else:
 * ASL state labels for replay ({@code fromStage}), {@code STAGE#<name>} items, CLI flags.
 */
public enum Stage {
    Validate, Route, Decrypt, Transform, Archive, Load, Finalize;

    /** Parses a stage name case-insensitively, with an error that lists the valid names. */
    public static Stage parse(String name) {
        for (Stage s : values()) {
            if (s.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + name + "'; expected one of " + Arrays.toString(values()));
    }
}
