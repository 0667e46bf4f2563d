package io.lormas.contracts.agent;

import java.util.List;

/**
 * Every container carrying Lormas labels on the node, sent after {@link Hello} on every (re)connect and
 * in answer to a {@code reconcile} command; the control plane reconciles desired against this.
 */
public record Inventory(List<ContainerStatus> containers) implements AgentMessage.FromAgent {

    public Inventory {
        containers = Required.list(containers);
    }
}
