package io.lormas.contracts.node;

import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The node's agent connected and said hello. */
@EventType(name = "node.node.went-online", stream = "node.node")
public record NodeWentOnline(UUID nodeId, long sessionEpoch, Instant at) implements LormasEvent {

    @Override
    public String aggregateId() {
        return nodeId.toString();
    }
}
