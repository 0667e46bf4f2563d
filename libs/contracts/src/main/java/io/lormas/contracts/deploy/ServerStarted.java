package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The server is running (its egg's startup-done text was seen, or it has none). Billing meters running time from here. */
@EventType(name = "deploy.server.started", stream = "deploy.server")
public record ServerStarted(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
