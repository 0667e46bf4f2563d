package io.lormas.agent.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How console output of servers reaches the control plane: batched and rate-limited per server, so a noisy
 * server cannot flood the link (lines over the rate are dropped and counted).
 *
 * @param linesPerSecond sustained lines per second per server
 * @param burstLines lines a server may print at once above the sustained rate
 * @param flushInterval how often batches are sent
 * @param maxLinesPerFrame lines in one {@code console} frame
 * @param maxLineLength longer lines are cut
 */
@ConfigurationProperties("lormas.agent.console")
public record ConsoleSettings(
        @Bindable(defaultValue = "100") int linesPerSecond,
        @Bindable(defaultValue = "400") int burstLines,
        @Bindable(defaultValue = "200ms") Duration flushInterval,
        @Bindable(defaultValue = "200") int maxLinesPerFrame,
        @Bindable(defaultValue = "4096") int maxLineLength) {
}
