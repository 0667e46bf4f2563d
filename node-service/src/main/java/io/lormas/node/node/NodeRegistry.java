package io.lormas.node.node;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.lormas.node.Page;
import io.lormas.node.region.RegionCatalog;
import io.lormas.platform.id.Ids;
import io.lormas.platform.web.ProblemException;

/**
 * The registry of nodes as admins see it: create, change, list, remove, each change published as a
 * {@code node.node.*} event in the same transaction.
 */
@Service
public class NodeRegistry {

    private final Nodes nodes;
    private final NodeEvents events;
    private final RegionCatalog regions;
    private final ApplicationEventPublisher applicationEvents;

    NodeRegistry(Nodes nodes, NodeEvents events, RegionCatalog regions, ApplicationEventPublisher applicationEvents) {
        this.nodes = nodes;
        this.events = events;
        this.regions = regions;
        this.applicationEvents = applicationEvents;
    }

    /** A node with its port ranges. */
    public record NodeWithPorts(Node node, List<PortRange> portRanges) {
    }

    /**
     * Creates a node (status PENDING until its agent registers) and publishes {@code NodeRegistered}. Must run in
     * the caller's transaction, so the registration token is issued with it.
     *
     * @throws ProblemException 400 invalid input, 422 unknown region, 409 name taken
     */
    @Transactional
    public NodeWithPorts create(NodeInput input) {
        NodeSpec spec = NodeSpecs.forCreate(input, regionIds());
        UUID id = Ids.newId();
        try {
            nodes.insert(id, spec, NodeJson.write(spec.addresses()), NodeJson.write(spec.labels()));
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("a node named '" + spec.name() + "' exists already");
        }
        spec.portRanges().forEach(range -> nodes.insertPortRange(id, range));
        events.registered(id);
        applicationEvents.publishEvent(new NodeCreated(id));
        return get(id);
    }

    /**
     * Applies an admin's changes and publishes {@code NodeUpdated}.
     *
     * @param expectedVersion when given, the version the admin read; a different one is a 409
     */
    @Transactional
    public NodeWithPorts update(UUID id, NodeInput changes, @Nullable Integer expectedVersion) {
        Node current = nodes.lockById(id).orElseThrow(() -> ProblemException.notFound("node", id));
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ProblemException.conflict("node " + id + " was changed meanwhile (version " + current.version()
                    + ", not " + expectedVersion + "); read it again", Map.of("currentVersion", current.version()));
        }
        NodeSpec spec = NodeSpecs.forUpdate(current, nodes.portRanges(List.of(id)), changes, regionIds());
        try {
            if (nodes.update(id, current.version(), spec, NodeJson.write(spec.addresses()),
                    NodeJson.write(spec.labels())) == 0) {
                throw ProblemException.conflict("node " + id + " was changed meanwhile; read it again");
            }
        } catch (DuplicateKeyException e) {
            throw ProblemException.conflict("a node named '" + spec.name() + "' exists already");
        }
        nodes.deletePortRanges(id);
        spec.portRanges().forEach(range -> nodes.insertPortRange(id, range));
        events.updated(id);
        return get(id);
    }

    public NodeWithPorts get(UUID id) {
        Node node = nodes.findById(id).orElseThrow(() -> ProblemException.notFound("node", id));
        return new NodeWithPorts(node, nodes.portRanges(List.of(id)));
    }

    public boolean exists(UUID id) {
        return nodes.exists(id);
    }

    /**
     * @param region a region code; unknown codes give an empty page
     * @param status one of the five statuses
     */
    public Page<NodeWithPorts> list(@Nullable UUID after, int limit, @Nullable String region, @Nullable String status,
            @Nullable Boolean online) {
        UUID regionId = null;
        if (region != null) {
            regionId = regions.find(region).map(r -> r.id()).orElse(null);
            if (regionId == null) {
                return new Page<>(List.of(), null);
            }
        }
        List<Node> rows = nodes.list(after, limit + 1, regionId, status, online);
        Map<UUID, List<PortRange>> ranges = rows.isEmpty() ? Map.of()
                : nodes.portRanges(rows.stream().map(Node::id).toList()).stream()
                        .collect(Collectors.groupingBy(PortRange::nodeId));
        return Page.of(rows, limit, Node::id, node -> new NodeWithPorts(node, ranges.getOrDefault(node.id(), List.of())));
    }

    /**
     * Deletes the node with its ports and tokens, publishes {@code NodeRemoved}, and after the commit
     * {@link NodeDeleted} for the session that may still be open. Revoking the agent's OAuth client is the
     * caller's job (it calls identity-service first).
     */
    @Transactional
    public void remove(UUID id) {
        if (nodes.lockById(id).isEmpty()) {
            throw ProblemException.notFound("node", id);
        }
        nodes.delete(id);
        events.removed(id);
        applicationEvents.publishEvent(new NodeDeleted(id));
    }

    /** The agent traded its registration token: the node leaves PENDING. Publishes {@code NodeUpdated}. */
    @Transactional
    public void markRegistered(UUID id, String hostname) {
        if (nodes.markRegistered(id, hostname) == 0) {
            throw ProblemException.notFound("node", id);
        }
        events.updated(id);
    }

    private BiFunction<String, String, UUID> regionIds() {
        return (code, field) -> regions.byCode(code, field).id();
    }
}
