package io.lormas.deploy.server;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Automatic restarts after crashes ({@link CrashPolicy}); {@code lormas.deploy.crash.*}. */
@ConfigurationProperties("lormas.deploy.crash")
public record CrashSettings(@Nullable Boolean restartOnCrash, @Nullable Duration window, @Nullable Integer maxRestarts,
        @Nullable Duration firstDelay, @Nullable Duration maxDelay) {

    public CrashPolicy policy() {
        CrashPolicy d = CrashPolicy.DEFAULT;
        return new CrashPolicy(restartOnCrash == null ? d.enabled() : restartOnCrash,
                window == null ? d.window() : window, maxRestarts == null ? d.maxRestarts() : maxRestarts,
                firstDelay == null ? d.firstDelay() : firstDelay, maxDelay == null ? d.maxDelay() : maxDelay);
    }
}
