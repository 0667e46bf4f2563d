package io.lormas.contracts.agent;

/** Host-wide usage in a {@link Heartbeat}. */
public record ResourceUsage(double cpuPercent, long memoryUsedMib, long memoryTotalMib, long diskUsedMib,
        long diskTotalMib) {
}
