package io.lormas.contracts.node;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/**
 * The node's agent is gone: heartbeats missed, or the session closed.
 *
 * @param reason e.g. {@code heartbeat-timeout}, {@code disconnected}, {@code removed}
 */
@EventType(name = "node.node.went-offline", stream = "node.node")
public record NodeWentOffline(UUID nodeId, Instant at, String reason) implements LormasEvent {

    @Override
    public String aggregateId() {
        return nodeId.toString();
    }
}
