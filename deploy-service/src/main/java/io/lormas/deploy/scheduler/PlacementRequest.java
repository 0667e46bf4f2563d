package io.lormas.deploy.scheduler;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What a new server needs.
 *
 * @param region region code the node must be in (ignored when {@code pinnedNode} is given)
 * @param labels labels the node must carry with these values
 * @param pinnedNode an admin's choice of node: only that node is considered, still with every other filter
 */
public record PlacementRequest(String region, long cpuMillis, long memoryMib, long diskMib, int ports,
        Map<String, String> labels, @Nullable UUID pinnedNode) {

    public PlacementRequest {
        labels = Map.copyOf(labels);
        if (cpuMillis < 0 || memoryMib < 0 || diskMib < 0 || ports < 0) {
            throw new IllegalArgumentException("requested resources must not be negative");
        }
    }

    public static PlacementRequest of(String region, long cpuMillis, long memoryMib, long diskMib, int ports) {
        return new PlacementRequest(region, cpuMillis, memoryMib, diskMib, ports, Map.of(), null);
    }

    /** Plain words: "4096 MiB memory, 1000 mCPU, 10240 MiB disk and 2 ports". */
    String describe() {
        return memoryMib + " MiB memory, " + cpuMillis + " mCPU, " + diskMib + " MiB disk and " + ports
                + (ports == 1 ? " port" : " ports");
    }
}
