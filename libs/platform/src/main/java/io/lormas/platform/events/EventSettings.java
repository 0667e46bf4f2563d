package io.lormas.platform.events;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Consumer tuning.
 *
 * @param subscription durable subscription name of this service; default {@code spring.application.name}
 * @param maxAttempts deliveries before a failing message goes to the dead-letter topic
 * @param minBackoff first retry delay, doubled per attempt up to {@code maxBackoff}
 * @param consumersEnabled false starts no consumers in this replica
 */
@ConfigurationProperties("lormas.events")
public record EventSettings(@Nullable String subscription, @Nullable Integer maxAttempts, @Nullable Duration minBackoff,
        @Nullable Duration maxBackoff, @Nullable Boolean consumersEnabled) {

    public int attempts() {
        return maxAttempts == null ? 5 : maxAttempts;
    }

    public Duration firstBackoff() {
        return minBackoff == null ? Duration.ofSeconds(1) : minBackoff;
    }

    public Duration backoffCap() {
        return maxBackoff == null ? Duration.ofMinutes(1) : maxBackoff;
    }

    public boolean enabled() {
        return consumersEnabled == null || consumersEnabled;
    }
}
