package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The install script succeeded; the server is stopped and may be started. */
@EventType(name = "deploy.server.installed", stream = "deploy.server")
public record ServerInstalled(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
