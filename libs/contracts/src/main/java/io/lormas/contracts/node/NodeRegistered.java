package io.lormas.contracts.node;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A node was created by an admin; its agent has not connected yet. */
@EventType(name = "node.node.registered", stream = "node.node")
public record NodeRegistered(NodeDetails node) implements LormasEvent {

    @Override
    public String aggregateId() {
        return node.nodeId().toString();
    }
}
