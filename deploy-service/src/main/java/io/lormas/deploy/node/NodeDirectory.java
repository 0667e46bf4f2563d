package io.lormas.deploy.node;

import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.node.NodeDetails;
import io.lormas.contracts.node.NodeRegistered;
import io.lormas.contracts.node.NodeUpdated;
import io.lormas.platform.events.EventHandler;

/**
 * Keeps node facts from node-service's events. Presence (online, offline, removed) is handled where it also moves
 * servers ({@code reconcile.NodePresence}).
 */
@Component
public class NodeDirectory {

    private final Nodes nodes;
    private final JsonMapper json;
    private final ApplicationEventPublisher publisher;

    NodeDirectory(Nodes nodes, JsonMapper json, ApplicationEventPublisher publisher) {
        this.nodes = nodes;
        this.json = json;
        this.publisher = publisher;
    }

    /** Published (in-process, inside the transaction) whenever scheduling facts of a node changed. */
    public record NodesChanged(UUID nodeId) {
    }

    @EventHandler
    void on(NodeRegistered event) {
        upsert(event.node());
    }

    @EventHandler
    void on(NodeUpdated event) {
        upsert(event.node());
    }

    private void upsert(NodeDetails node) {
        nodes.upsert(node.nodeId(), node.name(), node.region(), node.fqdn(), node.cpuMillis(), node.memoryMib(),
                node.diskMib(), node.cpuOverallocationPercent(), node.memoryOverallocationPercent(),
                node.diskOverallocationPercent(), json.writeValueAsString(node.portRanges()), portCapacity(node),
                json.writeValueAsString(node.labels()), node.status(), node.schedulable(), node.maintenance());
        publisher.publishEvent(new NodesChanged(node.nodeId()));
    }

    /** Distinct ports across the node's ranges (ranges of one IP may overlap). */
    static int portCapacity(NodeDetails node) {
        return (int) node.portRanges().stream()
                .flatMap(range -> java.util.stream.IntStream.rangeClosed(Math.max(1, range.from()), Math.min(65535, range.to()))
                        .mapToObj(port -> range.ip() + ":" + port))
                .distinct().count();
    }

    public Optional<NodeRow> find(UUID nodeId) {
        return nodes.findById(nodeId);
    }

}
