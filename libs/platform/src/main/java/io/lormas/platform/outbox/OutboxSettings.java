package io.lormas.platform.outbox;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Relay tuning.
 *
 * @param relayEnabled false switches the relay off in this replica (rows are still written)
 * @param batchSize rows taken per round
 * @param pollInterval how long an idle relay waits before it looks again (a local commit wakes it at once)
 * @param maxBackoff longest pause while the broker is unreachable
 * @param retention how long published rows are kept for inspection before they are purged
 * @param relayThreads relays run in this process; each takes its share of the key buckets per round
 */
@ConfigurationProperties("lormas.outbox")
public record OutboxSettings(@Nullable Boolean relayEnabled, @Nullable Integer batchSize, @Nullable Duration pollInterval,
        @Nullable Duration maxBackoff, @Nullable Duration retention, @Nullable Integer relayThreads) {

    public boolean relay() {
        return relayEnabled == null || relayEnabled;
    }

    public int batch() {
        return batchSize == null ? 500 : batchSize;
    }

    public Duration poll() {
        return pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
    }

    public Duration backoffCap() {
        return maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
    }

    public int threads() {
        return relayThreads == null ? 4 : Math.clamp(relayThreads, 1, 16);
    }

    public Duration keep() {
        return retention == null ? Duration.ofDays(1) : retention;
    }
}
