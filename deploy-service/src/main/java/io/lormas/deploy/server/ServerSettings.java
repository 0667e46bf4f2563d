package io.lormas.deploy.server;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param stopTimeout how long a graceful stop may take before the agent kills
 * @param pidsLimit process limit of every server container
 * @param commandTimeout a power command without result after this long is given up (the server goes back to
 *        what it was doing; the next inventory corrects it)
 * @param installTimeout the same for installs
 */
@ConfigurationProperties("lormas.deploy.servers")
public record ServerSettings(@Nullable Duration stopTimeout, @Nullable Integer pidsLimit,
        @Nullable Duration commandTimeout, @Nullable Duration installTimeout) {

    public int stopTimeoutSeconds() {
        return (int) Math.min(3600, (stopTimeout == null ? Duration.ofSeconds(30) : stopTimeout).toSeconds());
    }

    public long pids() {
        return pidsLimit == null ? 512 : pidsLimit;
    }

    public Duration commandTimeoutOrDefault() {
        return commandTimeout == null ? Duration.ofMinutes(10) : commandTimeout;
    }

    public Duration installTimeoutOrDefault() {
        return installTimeout == null ? Duration.ofMinutes(60) : installTimeout;
    }
}
