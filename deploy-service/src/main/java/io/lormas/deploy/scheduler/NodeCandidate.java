package io.lormas.deploy.scheduler;

import java.util.Map;
import java.util.UUID;

/**
 * What the scheduler knows of one node.
 *
 * @param status node-service's status; only {@code ACTIVE} nodes take servers
 * @param cpuOverallocationPercent 0: no overallocation, 50: up to 150 % of capacity, negative: no limit
 */
public record NodeCandidate(UUID nodeId, String name, String region, String status, boolean online,
        boolean schedulable, boolean maintenance, long cpuMillis, long memoryMib, long diskMib,
        int cpuOverallocationPercent, int memoryOverallocationPercent, int diskOverallocationPercent, long cpuUsed,
        long memoryUsed, long diskUsed, int portCapacity, int portsUsed, Map<String, String> labels) {

    public NodeCandidate {
        labels = Map.copyOf(labels);
    }

    /** Capacity with overallocation; {@link Long#MAX_VALUE} when unlimited. Same formula as the SQL reservation. */
    static long effective(long capacity, int overallocationPercent) {
        return overallocationPercent < 0 ? Long.MAX_VALUE : capacity * (100 + overallocationPercent) / 100;
    }
}
