package io.lormas.contracts.node;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.agent.CommandError;
import io.lormas.contracts.agent.CommandResult;

/**
 * An agent answered a command ({@code command_result}). Keyed by server so one server's outcomes stay in order.
 * The command id is the one deploy-service gave the command; duplicates are possible and harmless.
 */
@EventType(name = "node.agent.command-completed", stream = "node.agent")
public record AgentCommandCompleted(UUID nodeId, String commandId, @Nullable String serverId,
        CommandResult.Status status, Map<String, Object> result, @Nullable CommandError error, Instant at)
        implements LormasEvent {

    @Override
    public String aggregateId() {
        return serverId != null ? serverId : nodeId.toString();
    }
}
