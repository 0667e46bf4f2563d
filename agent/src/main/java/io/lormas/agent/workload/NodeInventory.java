package io.lormas.agent.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.ContainerState;
import io.lormas.contracts.agent.ContainerStatus;
import io.lormas.contracts.agent.Inventory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The servers' containers on this node as the engine sees them: for inventory, heartbeats and reconcile. */
@Singleton
public final class NodeInventory {

    private static final Logger LOG = LoggerFactory.getLogger(NodeInventory.class);

    private final ContainerRuntime runtime;
    private final ServerSpecs specs;
    private final NodeIdentity node;
    private final Uplink uplink;

    NodeInventory(ContainerRuntime runtime, ServerSpecs specs, NodeIdentity node, Uplink uplink) {
        this.runtime = runtime;
        this.specs = specs;
        this.node = node;
        this.uplink = uplink;
    }

    /** Every server container of this node, with start time and exit code (one inspect each). */
    public Inventory inventory() {
        List<ContainerStatus> statuses = new ArrayList<>();
        for (ContainerState listed : serverContainers()) {
            ContainerState container = runtime.inspect(listed.id()).orElse(null);
            if (container == null) {
                continue; // removed meanwhile
            }
            statuses.add(statusOf(container));
        }
        return new Inventory(statuses);
    }

    /** The state of every server container, cheaply (one list call), for heartbeats. */
    public List<ContainerStatus> states() {
        return serverContainers().stream().map(NodeInventory::statusOf).toList();
    }

    List<ContainerState> serverContainers() {
        return runtime.list(ServerContainers.serverLabels(node.nodeId())).stream()
                .filter(c -> ServerContainers.isServer(c.labels()))
                .toList();
    }

    /** Sends the inventory and lists the containers this agent has no spec for (left over, or state lost). */
    Map<String, Object> reconcile() {
        Inventory inventory = inventory();
        uplink.send(inventory);
        List<String> unknown = inventory.containers().stream()
                .map(ContainerStatus::serverId)
                .filter(serverId -> specs.find(serverId).isEmpty())
                .toList();
        return Map.of("containers", inventory.containers().size(), "unknown", unknown);
    }

    /** Removes install containers an agent left behind when it died during an install. */
    void removeLeftoverInstallContainers() {
        for (ContainerState container : runtime.list(Map.of(ServerContainers.NODE, node.nodeId(),
                ServerContainers.KIND, ServerContainers.KIND_INSTALL))) {
            LOG.info("removing install container {} left by an earlier run", container.name());
            runtime.remove(container.id());
        }
    }

    private static ContainerStatus statusOf(ContainerState container) {
        String serverId = Optional.ofNullable(ServerContainers.serverIdOf(container)).orElse(container.name());
        return new ContainerStatus(serverId, container.id(), container.state(), container.image(),
                container.exitCode(), container.startedAt());
    }
}
