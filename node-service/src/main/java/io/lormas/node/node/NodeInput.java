package io.lormas.node.node;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an admin sends to create or change a node, before validation. For a change, null means "leave as it
 * is"; for a creation, name, region, fqdn, cpuMillis, memoryMib and diskMib are required.
 *
 * @param region the region's code
 */
public record NodeInput(
        @Nullable String name,
        @Nullable String description,
        @Nullable String region,
        @Nullable String fqdn,
        @Nullable List<String> addresses,
        @Nullable Map<String, String> labels,
        @Nullable Long cpuMillis,
        @Nullable Long memoryMib,
        @Nullable Long diskMib,
        @Nullable Integer cpuOverallocationPercent,
        @Nullable Integer memoryOverallocationPercent,
        @Nullable Integer diskOverallocationPercent,
        @Nullable List<NodeSpec.Range> portRanges,
        @Nullable Boolean maintenance,
        @Nullable Boolean schedulable,
        @Nullable Boolean enabled) {
}
