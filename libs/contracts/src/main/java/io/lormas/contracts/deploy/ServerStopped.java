package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The server stopped on request (it was running or starting before). */
@EventType(name = "deploy.server.stopped", stream = "deploy.server")
public record ServerStopped(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
