package io.lormas.contracts.deploy;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/**
 * The server's process ended without being asked to (or ran out of memory).
 *
 * @param reason {@code exited} or {@code oom}
 * @param willRestart true when deploy-service restarts it automatically (restart-on-crash, no crash loop)
 */
@EventType(name = "deploy.server.crashed", stream = "deploy.server")
public record ServerCrashed(UUID serverId, UUID ownerId, UUID planId, UUID nodeId, @Nullable Integer exitCode,
        String reason, boolean willRestart, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId.toString();
    }
}
