package io.lormas.deploy.reconcile;

import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.node.NodeRemoved;
import io.lormas.contracts.node.NodeWentOffline;
import io.lormas.contracts.node.NodeWentOnline;
import io.lormas.deploy.activity.Actor;
import io.lormas.deploy.node.NodeDirectory;
import io.lormas.deploy.node.Nodes;
import io.lormas.deploy.server.Server;
import io.lormas.deploy.server.ServerManagement;
import io.lormas.deploy.server.ServerState;
import io.lormas.deploy.server.Servers;
import io.lormas.platform.events.EventHandler;

/**
 * Node presence and its servers: while a node is offline its servers show {@code node_offline} and keep what they
 * were doing underneath; power requests wait for the node. Commands already sent wait in the node's topic.
 */
@Component
class NodePresence {

    private final Nodes nodes;
    private final Servers servers;
    private final ServerManagement management;
    private final ApplicationEventPublisher publisher;

    NodePresence(Nodes nodes, Servers servers, ServerManagement management, ApplicationEventPublisher publisher) {
        this.nodes = nodes;
        this.servers = servers;
        this.management = management;
        this.publisher = publisher;
    }

    @EventHandler
    void on(NodeWentOnline event) {
        cameOnline(event.nodeId(), event.sessionEpoch());
    }

    @EventHandler
    void on(NodeWentOffline event) {
        if (nodes.markOffline(event.nodeId()) == 0) {
            return;
        }
        offline(event.nodeId(), event.reason());
    }

    /** A removed node takes no servers; those still on it show node_offline until an admin deletes them (force). */
    @EventHandler
    void on(NodeRemoved event) {
        if (nodes.markRemoved(event.nodeId()) == 0) {
            return;
        }
        offline(event.nodeId(), "removed");
    }

    private void offline(UUID nodeId, String reason) {
        publisher.publishEvent(new NodeDirectory.NodesChanged(nodeId));
        for (UUID id : servers.idsOnNode(nodeId)) {
            management.lock(id).ifPresent(server -> {
                if (server.nodeOffline()) {
                    return;
                }
                ServerState before = server.state();
                server.nodeWentOffline();
                management.flush(server, before, Actor.SYSTEM, "server.node.offline",
                        Map.of("nodeId", nodeId.toString(), "reason", reason));
            });
        }
    }

    /** The node is back for a session (from its went-online event, or an inventory of a newer session). */
    @Transactional(propagation = Propagation.MANDATORY)
    void cameOnline(UUID nodeId, long sessionEpoch) {
        if (nodes.markOnline(nodeId, sessionEpoch) == 0) {
            return; // unknown node, or news of an older session
        }
        publisher.publishEvent(new NodeDirectory.NodesChanged(nodeId));
        for (UUID id : servers.idsOnNode(nodeId)) {
            management.lock(id).ifPresent(server -> back(server, nodeId));
        }
    }

    private void back(Server server, UUID nodeId) {
        if (!server.nodeOffline()) {
            return;
        }
        ServerState before = server.state();
        server.nodeCameOnline();
        management.flush(server, before, Actor.SYSTEM, "server.node.online", Map.of("nodeId", nodeId.toString()));
    }
}
