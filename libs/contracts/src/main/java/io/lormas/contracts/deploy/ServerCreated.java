package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/**
 * A server was requested and accepted; it is placed in the same transaction ({@link ServerPlaced} follows).
 *
 * @param eggVersion the egg version the server keeps for its whole life
 */
@EventType(name = "deploy.server.created", stream = "deploy.server")
public record ServerCreated(UUID serverId, UUID ownerId, String name, UUID eggId, int eggVersion, UUID planId,
        String region, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
