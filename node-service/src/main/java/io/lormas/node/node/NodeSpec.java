package io.lormas.node.node;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an admin sets on a node, already validated and normalised by {@link NodeSpecs} (IP literals in canonical
 * form, no overlapping port ranges).
 */
public record NodeSpec(
        String name,
        @Nullable String description,
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
        List<Range> portRanges,
        boolean maintenance,
        boolean schedulable,
        boolean enabled) {

    public NodeSpec {
        addresses = List.copyOf(addresses);
        labels = Map.copyOf(labels);
        portRanges = List.copyOf(portRanges);
    }

    /** Ports {@code from..to} (inclusive) on one IP. */
    public record Range(String ip, int from, int to) {
    }
}
