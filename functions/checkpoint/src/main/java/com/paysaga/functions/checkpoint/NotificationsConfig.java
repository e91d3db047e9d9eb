package com.paysaga.functions.checkpoint;

import io.smallrye.config.ConfigMapping;

/** Where Finalize announces a completed run (env NOTIFICATIONS_TOPIC_ARN). */
@ConfigMapping(prefix = "paysaga.notifications")
public interface NotificationsConfig {

    String topicArn();
}
