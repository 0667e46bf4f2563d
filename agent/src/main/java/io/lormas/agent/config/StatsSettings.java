package io.lormas.agent.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Periodic measurements.
 *
 * @param interval how often a {@code stats} frame is sent per running server
 * @param diskInterval how often data directories are measured against their disk limit
 */
@ConfigurationProperties("lormas.agent.stats")
public record StatsSettings(
        @Bindable(defaultValue = "10s") Duration interval,
        @Bindable(defaultValue = "60s") Duration diskInterval) {
}
