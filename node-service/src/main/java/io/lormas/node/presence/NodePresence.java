package io.lormas.node.presence;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.contracts.agent.Hello;
import io.lormas.node.node.NodeEvents;
import io.lormas.node.node.Nodes;

/**
 * The database side of presence: a new session (hello), a session seen alive again, a node gone offline. Each
 * transition publishes its events in the same transaction; conditions on the session epoch make concurrent
 * replicas agree (the first one wins, the others change nothing and publish nothing).
 */
@Service
public class NodePresence {

    private final Nodes nodes;
    private final NodeEvents events;

    NodePresence(Nodes nodes, NodeEvents events) {
        this.nodes = nodes;
        this.events = events;
    }

    /**
     * A session said hello: the node gets the next session epoch, is online and has these facts.
     * {@code NodeWentOnline} when it was offline, {@code NodeUpdated} when its facts or status changed.
     *
     * @return the new session epoch; empty when the node does not exist (removed meanwhile)
     */
    @Transactional
    public Optional<Long> sessionStarted(UUID nodeId, Hello hello) {
        Optional<Nodes.SessionStart> started = nodes.startSession(nodeId, hello.agentVersion(),
                hello.protocolVersion(), hello.host());
        started.ifPresent(start -> {
            if (!start.wasOnline()) {
                events.wentOnline(nodeId, start.epoch());
            }
            if (start.changed()) {
                events.updated(nodeId);
            }
        });
        return started.map(Nodes.SessionStart::epoch);
    }

    /** The current session is alive but the node was marked offline (its presence had expired): online again. */
    @Transactional
    public boolean revived(UUID nodeId, long epoch) {
        if (nodes.markOnline(nodeId, epoch) == 0) {
            return false;
        }
        events.wentOnline(nodeId, epoch);
        events.updated(nodeId);
        return true;
    }

    /**
     * The node's session {@code epoch} is gone: offline, unless a newer session took over.
     *
     * @param reason {@code heartbeat-timeout} or {@code disconnected}
     */
    @Transactional
    public boolean wentOffline(UUID nodeId, long epoch, String reason) {
        if (nodes.markOffline(nodeId, epoch) == 0) {
            return false;
        }
        events.wentOffline(nodeId, reason);
        events.updated(nodeId);
        return true;
    }
}
