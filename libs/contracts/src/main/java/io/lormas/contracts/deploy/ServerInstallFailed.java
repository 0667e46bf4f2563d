package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/**
 * The install script failed; the server keeps its reservation until it is reinstalled or deleted.
 *
 * @param reason the agent's error code, e.g. {@code install_failed}
 */
@EventType(name = "deploy.server.install-failed", stream = "deploy.server")
public record ServerInstallFailed(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, String reason, Instant at)
        implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
