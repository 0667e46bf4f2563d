package io.lormas.deploy.server;

import java.time.Duration;

/**
 * Automatic restarts after crashes, with crash-loop protection: at most {@code maxRestarts} restarts while
 * crashes follow each other within {@code window}; delays double from {@code firstDelay} up to {@code maxDelay}.
 */
public record CrashPolicy(boolean enabled, Duration window, int maxRestarts, Duration firstDelay, Duration maxDelay) {

    public static final CrashPolicy DEFAULT = new CrashPolicy(true, Duration.ofMinutes(10), 3, Duration.ofSeconds(5),
            Duration.ofMinutes(1));

    /** The delay before the n-th consecutive restart (n from 1). */
    Duration delayBefore(int restart) {
        long millis = firstDelay.toMillis() << Math.min(Math.max(restart - 1, 0), 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
