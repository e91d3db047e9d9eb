package com.paysaga.functions.common;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The runs table and the per-file lease (env RUNS_TABLE, LEASE_TIMEOUT from template.yaml Globals). */
@ConfigMapping(prefix = "paysaga.runs")
public interface RunsConfig {

    String table();

    /**
     * As long as the state machine's TimeoutSeconds: a lease then only expires once its holder
     * cannot be running any more (a definition test keeps the two equal).
     */
    @WithDefault("PT120H")
    Duration leaseTimeout();
}
