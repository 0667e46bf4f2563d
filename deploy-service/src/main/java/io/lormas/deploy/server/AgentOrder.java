package io.lormas.deploy.server;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.agent.Command;

/**
 * A command the aggregate decided to send to its node's agent.
 *
 * @param drivesLifecycle true when the server waits for this command's result to move on (it is then the
 *        server's pending command); false for background work such as creating the container after an install
 * @param followUps actions to send, one after the other, when this one succeeds
 * @param lifecycleBefore where to go back to if the command fails
 */
public record AgentOrder(UUID commandId, Command.Action action, boolean drivesLifecycle, List<Command.Action> followUps,
        @Nullable Lifecycle lifecycleBefore, boolean removeData) {

    public AgentOrder {
        followUps = List.copyOf(followUps);
    }
}
