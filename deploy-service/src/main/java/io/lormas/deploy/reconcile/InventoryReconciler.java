package io.lormas.deploy.reconcile;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.lormas.contracts.agent.ContainerStatus;
import io.lormas.contracts.node.AgentInventoryReported;
import io.lormas.deploy.activity.ActivityLog;
import io.lormas.deploy.activity.Actor;
import io.lormas.deploy.node.NodeRow;
import io.lormas.deploy.node.Nodes;
import io.lormas.deploy.server.AgentCommands;
import io.lormas.deploy.server.ServerManagement;
import io.lormas.deploy.server.ServerState;
import io.lormas.deploy.server.Servers;
import io.lormas.platform.events.EventHandler;

/**
 * Desired against actual, from an agent's full inventory (sent after every reconnect and when asked): a missing
 * container is recreated (and started when the server should run), a container found stopped under a running
 * server is a crash (restarted by policy), a running one under a stopped server is shown running, and a container
 * with Lormas labels that belongs to no server of this node is stopped (its data is kept) and reported in the
 * activity log for admins.
 */
@Component
class InventoryReconciler {

    private static final Logger log = LoggerFactory.getLogger(InventoryReconciler.class);

    private final Nodes nodes;
    private final Servers servers;
    private final ServerManagement management;
    private final AgentCommands commands;
    private final ActivityLog activity;
    private final NodePresence presence;

    InventoryReconciler(Nodes nodes, Servers servers, ServerManagement management, AgentCommands commands,
            ActivityLog activity, NodePresence presence) {
        this.nodes = nodes;
        this.servers = servers;
        this.management = management;
        this.commands = commands;
        this.activity = activity;
        this.presence = presence;
    }

    @EventHandler
    void on(AgentInventoryReported event) {
        NodeRow node = nodes.findById(event.nodeId()).orElse(null);
        if (node == null || node.removed()) {
            log.warn("inventory of unknown or removed node {} ignored", event.nodeId());
            return;
        }
        if (event.sessionEpoch() < node.sessionEpoch()) {
            return; // an older session's news: a newer inventory is on its way or was applied
        }
        if (!node.online() || event.sessionEpoch() > node.sessionEpoch()) {
            presence.cameOnline(event.nodeId(), event.sessionEpoch());
        }
        Map<String, ContainerStatus> containers = new HashMap<>();
        for (ContainerStatus container : event.containers()) {
            containers.merge(container.serverId(), container,
                    (a, b) -> "running".equals(a.state()) ? a : b); // a running one wins over leftovers
        }
        Instant now = event.at();
        for (UUID id : servers.idsOnNode(event.nodeId())) {
            ContainerStatus container = containers.remove(id.toString());
            management.lock(id).ifPresent(server -> {
                ServerState before = server.state();
                String done = server.reconcile(container == null ? null : container.state(),
                        container == null ? null : container.exitCode(), now, management.crashPolicy());
                Map<String, Object> details = new LinkedHashMap<>();
                if (done != null) {
                    details.put("outcome", done);
                    details.put("container", container == null ? "missing" : container.state());
                }
                management.flush(server, before, Actor.SYSTEM, done == null ? null : "server.reconcile", details);
            });
        }
        containers.values().forEach(container -> unknown(event.nodeId(), container));
    }

    private void unknown(UUID nodeId, ContainerStatus container) {
        boolean running = "running".equals(container.state()) || "restarting".equals(container.state());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("nodeId", nodeId.toString());
        details.put("serverId", container.serverId());
        details.put("containerId", container.containerId());
        if (!running && activity.exists(null, "node.unknown-container", details)) {
            return; // reported before, and it is not running: once is enough
        }
        details.put("state", container.state());
        details.put("image", container.image());
        details.put("stopped", running);
        if (running) {
            commands.stopUnknown(nodeId, container.serverId());
        }
        log.warn("node {} runs container {} of unknown server {} ({}){}", nodeId, container.containerId(),
                container.serverId(), container.state(), running ? ": stopping it" : "");
        activity.record(null, null, "node.unknown-container", Actor.SYSTEM, details);
    }
}
