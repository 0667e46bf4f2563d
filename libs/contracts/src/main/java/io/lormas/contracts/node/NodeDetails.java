package io.lormas.contracts.node;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the scheduler needs to know of a node.
 *
 * @param status ACTIVE, INACTIVE, MAINTENANCE, PENDING or NOT_READY
 * @param cpuOverallocationPercent 0 means no overallocation; 50 allows placing 150 % of capacity
 */
public record NodeDetails(
        UUID nodeId,
        String name,
        String region,
        String fqdn,
        long cpuMillis,
        long memoryMib,
        long diskMib,
        int cpuOverallocationPercent,
        int memoryOverallocationPercent,
        int diskOverallocationPercent,
        List<PortRange> portRanges,
        Map<String, String> labels,
        String status,
        boolean schedulable,
        boolean maintenance) {

    public NodeDetails {
        portRanges = List.copyOf(portRanges);
        labels = Map.copyOf(labels);
    }

    /** Ports {@code from..to} (inclusive) on one IP. */
    public record PortRange(String ip, int from, int to) {
    }
}
