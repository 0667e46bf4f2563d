package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The server, its container and its reservations are gone; its ports and resources are free. */
@EventType(name = "deploy.server.deleted", stream = "deploy.server")
public record ServerDeleted(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
