package io.lormas.deploy.reconcile;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param interval how often every online node is asked for its inventory (besides each reconnect)
 * @param jobsInterval how often due crash restarts and overdue commands are looked for
 */
@ConfigurationProperties("lormas.deploy.reconcile")
public record ReconcileSettings(@Nullable Duration interval, @Nullable Duration jobsInterval) {

    public Duration intervalOrDefault() {
        return interval == null ? Duration.ofMinutes(5) : interval;
    }
}
