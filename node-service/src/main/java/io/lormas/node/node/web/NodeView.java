package io.lormas.node.node.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.node.node.Node;
import io.lormas.node.node.NodeJson;
import io.lormas.node.node.NodeRegistry;
import io.lormas.node.presence.Presence.Live;

/** A node as the API shows it. {@code lastHeartbeatAt} and {@code usage} come from live presence when known. */
record NodeView(
        UUID id,
        String name,
        @Nullable String description,
        String region,
        UUID regionId,
        String fqdn,
        List<String> addresses,
        Map<String, String> labels,
        long cpuMillis,
        long memoryMib,
        long diskMib,
        int cpuOverallocationPercent,
        int memoryOverallocationPercent,
        int diskOverallocationPercent,
        List<PortRangeView> portRanges,
        String status,
        boolean online,
        boolean maintenance,
        boolean schedulable,
        boolean enabled,
        @Nullable Instant lastHeartbeatAt,
        long sessionEpoch,
        @Nullable Instant registeredAt,
        @Nullable String hostname,
        @Nullable String agentVersion,
        @Nullable HostView host,
        @Nullable UsageView usage,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    record PortRangeView(String ip, int from, int to) {
    }

    record HostView(@Nullable String os, @Nullable String kernel, @Nullable String architecture,
            @Nullable String cpuModel, @Nullable Integer cpuCount, @Nullable Long memoryMib, @Nullable Long diskMib,
            @Nullable String engine, @Nullable String engineVersion, @Nullable Integer protocolVersion) {
    }

    record UsageView(double cpuPercent, long memoryUsedMib, long memoryTotalMib, long diskUsedMib, long diskTotalMib,
            Instant at) {
    }

    static NodeView of(NodeRegistry.NodeWithPorts withPorts, @Nullable Live live) {
        Node node = withPorts.node();
        HostView host = node.agentVersion() == null ? null
                : new HostView(node.os(), node.kernel(), node.architecture(), node.cpuModel(), node.cpuCount(),
                        node.hostMemoryMib(), node.hostDiskMib(), node.engine(), node.engineVersion(),
                        node.protocolVersion());
        UsageView usage = null;
        Instant lastHeartbeat = node.lastHeartbeatAt();
        if (live != null && node.online()) {
            usage = new UsageView(live.cpuPercent(), live.memoryUsedMib(), live.memoryTotalMib(), live.diskUsedMib(),
                    live.diskTotalMib(), live.at());
            lastHeartbeat = live.at();
        } else if (node.usageAt() != null && node.cpuPercent() != null) {
            usage = new UsageView(node.cpuPercent(), orZero(node.memoryUsedMib()), orZero(node.memoryTotalMib()),
                    orZero(node.diskUsedMib()), orZero(node.diskTotalMib()), node.usageAt());
        }
        if (lastHeartbeat != null && node.usageAt() != null && node.usageAt().isAfter(lastHeartbeat)) {
            lastHeartbeat = node.usageAt();
        }
        return new NodeView(node.id(), node.name(), node.description(), node.regionCode(), node.regionId(), node.fqdn(),
                NodeJson.addresses(node.addressesJson()), NodeJson.labels(node.labelsJson()), node.cpuMillis(),
                node.memoryMib(), node.diskMib(), node.cpuOverallocationPercent(), node.memoryOverallocationPercent(),
                node.diskOverallocationPercent(),
                withPorts.portRanges().stream().map(r -> new PortRangeView(r.ip(), r.portFrom(), r.portTo())).toList(),
                node.status(), node.online(), node.maintenance(), node.schedulable(), node.enabled(), lastHeartbeat,
                node.sessionEpoch(), node.registeredAt(), node.hostname(), node.agentVersion(), host, usage,
                node.createdAt(), node.updatedAt(), node.version());
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
