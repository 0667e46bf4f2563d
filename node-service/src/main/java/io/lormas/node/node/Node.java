package io.lormas.node.node;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A node row. Admins set capacity, ports, labels and the maintenance/schedulable/enabled flags; the agent's
 * session sets registration, presence, host facts and usage. {@code status} is computed by the database from
 * the flags: MAINTENANCE, PENDING (never registered), INACTIVE (disabled), ACTIVE (online) or NOT_READY.
 *
 * @param addressesJson JSON array of IP literals
 * @param labelsJson JSON object of string labels
 */
public record Node(
        UUID id,
        String name,
        @Nullable String description,
        UUID regionId,
        String regionCode,
        String fqdn,
        String addressesJson,
        String labelsJson,
        long cpuMillis,
        long memoryMib,
        long diskMib,
        int cpuOverallocationPercent,
        int memoryOverallocationPercent,
        int diskOverallocationPercent,
        boolean maintenance,
        boolean schedulable,
        boolean enabled,
        String status,
        @Nullable Instant registeredAt,
        @Nullable String hostname,
        boolean online,
        long sessionEpoch,
        @Nullable Instant lastHeartbeatAt,
        @Nullable String agentVersion,
        @Nullable Integer protocolVersion,
        @Nullable String os,
        @Nullable String kernel,
        @Nullable String architecture,
        @Nullable String cpuModel,
        @Nullable Integer cpuCount,
        @Nullable Long hostMemoryMib,
        @Nullable Long hostDiskMib,
        @Nullable String engine,
        @Nullable String engineVersion,
        @Nullable Double cpuPercent,
        @Nullable Long memoryUsedMib,
        @Nullable Long memoryTotalMib,
        @Nullable Long diskUsedMib,
        @Nullable Long diskTotalMib,
        @Nullable Instant usageAt,
        Instant createdAt,
        Instant updatedAt,
        int version) {
}
