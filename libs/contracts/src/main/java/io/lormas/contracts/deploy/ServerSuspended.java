package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/**
 * The server was stopped and may not be started until it is resumed.
 *
 * @param reason e.g. {@code admin}, {@code owner-suspended}, {@code owner-deleted}
 */
@EventType(name = "deploy.server.suspended", stream = "deploy.server")
public record ServerSuspended(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, String reason, Instant at)
        implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
