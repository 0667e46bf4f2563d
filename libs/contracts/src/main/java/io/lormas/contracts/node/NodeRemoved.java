package io.lormas.contracts.node;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The node was removed; its agent's access is revoked. */
@EventType(name = "node.node.removed", stream = "node.node")
public record NodeRemoved(UUID nodeId) implements LormasEvent {

    @Override
    public String aggregateId() {
        return nodeId.toString();
    }
}
