package com.paysaga.functions.load;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactions table and the backoff for unprocessed BatchWriteItem items. */
@ConfigMapping(prefix = "paysaga.load")
public interface LoadConfig {

    String transactionsTable();

    @WithDefault("PT0.05S")
    Duration backoffBase();

    @WithDefault("PT5S")
    Duration backoffCap();

    @WithDefault("10")
    int maxAttempts();
}
