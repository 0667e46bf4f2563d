package io.lormas.contracts.node;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.agent.ContainerStatus;

/** An agent sent its full container inventory (after every (re)connect and on reconcile). Keyed by node. */
@EventType(name = "node.agent.inventory-reported", stream = "node.agent")
public record AgentInventoryReported(UUID nodeId, long sessionEpoch, List<ContainerStatus> containers, Instant at)
        implements LormasEvent {

    @Override
    public String aggregateId() {
        return nodeId.toString();
    }
}
