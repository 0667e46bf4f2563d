package io.lormas.deploy.node;

import java.util.UUID;

/**
 * A node as stored: facts from node-service plus what deploy-service reserved on it.
 *
 * @param portRanges JSON array of {@code {ip, from, to}}
 * @param labels JSON object
 */
public record NodeRow(UUID nodeId, String name, String region, String status, boolean online, boolean schedulable,
        boolean maintenance, boolean removed, long cpuMillis, long memoryMib, long diskMib,
        int cpuOverallocationPercent, int memoryOverallocationPercent, int diskOverallocationPercent, long cpuUsed,
        long memoryUsed, long diskUsed, int portCapacity, int portsUsed, String portRanges, String labels,
        long sessionEpoch) {
}
