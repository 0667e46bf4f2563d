package io.lormas.contracts.node;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A node's facts, capacity, ports, labels or status changed; carries the current values. */
@EventType(name = "node.node.updated", stream = "node.node")
public record NodeUpdated(NodeDetails node) implements LormasEvent {

    @Override
    public String aggregateId() {
        return node.nodeId().toString();
    }
}
