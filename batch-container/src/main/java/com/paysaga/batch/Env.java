package com.paysaga.batch;

import java.util.Optional;

/** Required configuration values, with the environment variable to set named in the error. */
final class Env {

    private Env() {
    }

    static String require(Optional<String> value, String variable) {
        return value.filter(v -> !v.isBlank())
                .orElseThrow(() -> new JobSetupException("environment variable " + variable + " is not set"));
    }
}
