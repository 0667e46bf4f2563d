package io.lormas.node.node.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.lormas.contracts.identity.Permissions;
import io.lormas.node.Page;
import io.lormas.node.node.NodeInput;
import io.lormas.node.node.NodeRegistry;
import io.lormas.node.node.NodeSpec;
import io.lormas.node.presence.Presence;
import io.lormas.node.registration.NodeEnrollment;
import io.lormas.node.registration.RegistrationToken;
import io.lormas.platform.security.Principals;
import io.lormas.platform.web.FieldViolation;
import io.lormas.platform.web.ProblemException;

/** {@code /api/nodes}: the node registry for admins ({@code nodes.read}, {@code nodes.write}). */
@RestController
@RequestMapping("/api/nodes")
class NodeController {

    private static final Set<String> STATUSES = Set.of("ACTIVE", "INACTIVE", "MAINTENANCE", "PENDING", "NOT_READY");

    private final NodeRegistry registry;
    private final NodeEnrollment enrollment;
    private final Presence presence;

    NodeController(NodeRegistry registry, NodeEnrollment enrollment, Presence presence) {
        this.registry = registry;
        this.enrollment = enrollment;
        this.presence = presence;
    }

    record PortRangeInput(@Nullable String ip, @Nullable Integer from, @Nullable Integer to) {
    }

    /** Body of POST (all required fields) and PATCH (null = unchanged; {@code version} = the one read). */
    record NodeRequest(@Nullable String name, @Nullable String description, @Nullable String region,
            @Nullable String fqdn, @Nullable List<String> addresses, @Nullable Map<String, String> labels,
            @Nullable Long cpuMillis, @Nullable Long memoryMib, @Nullable Long diskMib,
            @Nullable Integer cpuOverallocationPercent, @Nullable Integer memoryOverallocationPercent,
            @Nullable Integer diskOverallocationPercent, @Nullable List<PortRangeInput> portRanges,
            @Nullable Boolean maintenance, @Nullable Boolean schedulable, @Nullable Boolean enabled,
            @Nullable Integer version) {

        NodeInput toInput() {
            List<NodeSpec.Range> ranges = null;
            if (portRanges != null) {
                ranges = portRanges.stream().map(r -> r == null ? null
                        : new NodeSpec.Range(r.ip(), r.from() == null ? 0 : r.from(), r.to() == null ? 0 : r.to()))
                        .toList();
            }
            return new NodeInput(name, description, region, fqdn, addresses, labels, cpuMillis, memoryMib, diskMib,
                    cpuOverallocationPercent, memoryOverallocationPercent, diskOverallocationPercent, ranges,
                    maintenance, schedulable, enabled);
        }
    }

    record CreatedNodeView(@JsonUnwrapped NodeView node, String registrationToken, Instant registrationTokenExpiresAt) {

        @Override
        public String toString() {
            return "CreatedNodeView[node=" + node.id() + ", registrationToken=***]";
        }
    }

    record TokenView(UUID nodeId, String registrationToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "TokenView[nodeId=" + nodeId + ", registrationToken=***]";
        }
    }

    @PostMapping
    ResponseEntity<CreatedNodeView> create(@RequestBody NodeRequest request) {
        Principals.requirePermission(Permissions.NODES_WRITE);
        NodeEnrollment.CreatedNode created = enrollment.create(request.toInput());
        UUID id = created.node().node().id();
        return ResponseEntity.created(URI.create("/api/nodes/" + id))
                .cacheControl(CacheControl.noStore())
                .body(new CreatedNodeView(NodeView.of(created.node(), null), created.token().value(),
                        created.token().expiresAt()));
    }

    @GetMapping
    Page<NodeView> list(@RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Boolean online) {
        Principals.requirePermission(Permissions.NODES_READ);
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.badRequest("invalid query",
                    List.of(new FieldViolation("status", "must be one of " + String.join(", ", STATUSES))));
        }
        Page<NodeRegistry.NodeWithPorts> page = registry.list(Page.after(cursor), Page.limit(limit), region, status,
                online);
        Map<UUID, Presence.Live> live = presence.live(page.items().stream()
                .filter(n -> n.node().online()).map(n -> n.node().id()).toList());
        return new Page<>(page.items().stream().map(n -> NodeView.of(n, live.get(n.node().id()))).toList(), page.next());
    }

    @GetMapping("/{id}")
    NodeView get(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.NODES_READ);
        NodeRegistry.NodeWithPorts node = registry.get(id);
        return NodeView.of(node, presence.live(List.of(id)).get(id));
    }

    @PatchMapping("/{id}")
    NodeView update(@PathVariable UUID id, @RequestBody NodeRequest request) {
        Principals.requirePermission(Permissions.NODES_WRITE);
        NodeRegistry.NodeWithPorts node = registry.update(id, request.toInput(), request.version());
        return NodeView.of(node, presence.live(List.of(id)).get(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.NODES_WRITE);
        enrollment.remove(id);
        return ResponseEntity.noContent().build();
    }

    /** A new registration token (the previous one stops working), e.g. to reinstall the agent. */
    @PostMapping("/{id}/registration-token")
    ResponseEntity<TokenView> reissueToken(@PathVariable UUID id) {
        Principals.requirePermission(Permissions.NODES_WRITE);
        RegistrationToken token = enrollment.reissue(id);
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore())
                .body(new TokenView(id, token.value(), token.expiresAt()));
    }
}
