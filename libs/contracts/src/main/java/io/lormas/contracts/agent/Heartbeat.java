package io.lormas.contracts.agent;

import java.time.Instant;
import java.util.List;

/** Sent at the configured interval: host usage and the state of every Lormas container. */
public record Heartbeat(Instant at, ResourceUsage usage, List<ContainerStatus> containers)
        implements AgentMessage.FromAgent {

    public Heartbeat {
        Required.present(at, "at");
        Required.present(usage, "usage");
        containers = Required.list(containers);
    }
}
