package io.lormas.agent.controlplane;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Delays between reconnect attempts: exponential from {@code min} to {@code max}, each delay drawn between half
 * and all of its step ("equal jitter"), so a control plane restart is not met by every node at the same moment.
 */
final class Backoff {

    private final Duration min;
    private final Duration max;
    private final RandomGenerator random;
    private int attempt;

    Backoff(Duration min, Duration max, RandomGenerator random) {
        this.min = min.isNegative() || min.isZero() ? Duration.ofMillis(100) : min;
        this.max = max.compareTo(this.min) < 0 ? this.min : max;
        this.random = random;
    }

    Duration next() {
        long step = min.toMillis() << Math.min(attempt, 20);
        if (step <= 0 || step > max.toMillis()) {
            step = max.toMillis();
        }
        attempt++;
        long half = step / 2;
        return Duration.ofMillis(half + random.nextLong(step - half + 1));
    }

    void reset() {
        attempt = 0;
    }
}
