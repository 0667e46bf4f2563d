package io.lormas.deploy.server;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A server as stored ({@link Servers}); {@link Server} is the aggregate built from it. */
public record ServerRow(
        UUID id,
        String name,
        UUID ownerId,
        UUID eggId,
        int eggVersion,
        UUID planId,
        String region,
        UUID nodeId,
        String image,
        String startup,
        long cpuMillis,
        long memoryMib,
        long swapMib,
        long diskMib,
        int ioWeight,
        int portCount,
        String lifecycle,
        boolean suspended,
        @Nullable String suspensionReason,
        boolean nodeOffline,
        @Nullable UUID pendingCommandId,
        boolean specChanged,
        boolean waitsForReady,
        @Nullable Instant installedAt,
        boolean restartOnCrash,
        int crashCount,
        @Nullable Instant lastCrashAt,
        @Nullable Instant nextRestartAt,
        boolean removeData,
        Instant createdAt,
        Instant updatedAt,
        int version) {
}
