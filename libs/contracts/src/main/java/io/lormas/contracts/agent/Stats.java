package io.lormas.contracts.agent;

import java.time.Instant;

/** Resource usage of one server's container. */
public record Stats(
        String serverId,
        Instant at,
        double cpuPercent,
        long memoryBytes,
        long memoryLimitBytes,
        long networkRxBytes,
        long networkTxBytes,
        long diskBytes) implements AgentMessage.FromAgent {

    public Stats {
        Required.text(serverId, "serverId");
        Required.present(at, "at");
    }
}
