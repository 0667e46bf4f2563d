package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A suspended server may be used again; it is stopped. */
@EventType(name = "deploy.server.resumed", stream = "deploy.server")
public record ServerResumed(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
