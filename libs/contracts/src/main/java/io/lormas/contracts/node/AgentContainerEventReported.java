package io.lormas.contracts.node;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.agent.ContainerEvent;

/** An agent reported a container state change ({@code container_event}). Keyed by server. */
@EventType(name = "node.agent.container-event-reported", stream = "node.agent")
public record AgentContainerEventReported(UUID nodeId, String serverId, ContainerEvent.Kind event,
        @Nullable Integer exitCode, boolean causedByAgent, Instant at, @Nullable String message) implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId;
    }
}
