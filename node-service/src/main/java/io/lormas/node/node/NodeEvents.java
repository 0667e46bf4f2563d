package io.lormas.node.node;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.lormas.contracts.node.NodeDetails;
import io.lormas.contracts.node.NodeRegistered;
import io.lormas.contracts.node.NodeRemoved;
import io.lormas.contracts.node.NodeUpdated;
import io.lormas.contracts.node.NodeWentOffline;
import io.lormas.contracts.node.NodeWentOnline;
import io.lormas.platform.outbox.Outbox;

/**
 * Publishes {@code node.node.*} events through the outbox. Every method must run inside the transaction that
 * made the change, after it: the events carry the state as it is now.
 */
@Component
public class NodeEvents {

    private final Nodes nodes;
    private final Outbox outbox;

    NodeEvents(Nodes nodes, Outbox outbox) {
        this.nodes = nodes;
        this.outbox = outbox;
    }

    public void registered(UUID nodeId) {
        outbox.publish(new NodeRegistered(details(nodeId)));
    }

    public void updated(UUID nodeId) {
        outbox.publish(new NodeUpdated(details(nodeId)));
    }

    public void wentOnline(UUID nodeId, long sessionEpoch) {
        outbox.publish(new NodeWentOnline(nodeId, sessionEpoch, Instant.now()));
    }

    /** @param reason {@code heartbeat-timeout}, {@code disconnected} or {@code removed} */
    public void wentOffline(UUID nodeId, String reason) {
        outbox.publish(new NodeWentOffline(nodeId, Instant.now(), reason));
    }

    public void removed(UUID nodeId) {
        outbox.publish(new NodeRemoved(nodeId));
    }

    /** What the scheduler needs to know of a node, as stored now. */
    public NodeDetails details(UUID nodeId) {
        Node node = nodes.findById(nodeId).orElseThrow(() -> new IllegalStateException("node " + nodeId + " vanished"));
        return details(node, nodes.portRanges(List.of(nodeId)));
    }

    static NodeDetails details(Node node, List<PortRange> ranges) {
        return new NodeDetails(node.id(), node.name(), node.regionCode(), node.fqdn(), node.cpuMillis(),
                node.memoryMib(), node.diskMib(), node.cpuOverallocationPercent(), node.memoryOverallocationPercent(),
                node.diskOverallocationPercent(),
                ranges.stream().map(r -> new NodeDetails.PortRange(r.ip(), r.portFrom(), r.portTo())).toList(),
                NodeJson.labels(node.labelsJson()), node.status(), node.schedulable(), node.maintenance());
    }
}
