package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The scheduler reserved resources and ports for the server on a node. */
@EventType(name = "deploy.server.placed", stream = "deploy.server")
public record ServerPlaced(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, List<ServerAllocation> allocations,
        long cpuMillis, long memoryMib, long diskMib, Instant at) implements LormasEvent {

    public ServerPlaced {
        allocations = List.copyOf(allocations);
    }

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
