package io.lormas.deploy.server.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.deploy.ServerAllocation;
import io.lormas.deploy.server.Server;

/** A server as callers see it (DESIGN.md section 6 fields first). */
record ServerView(
        UUID id,
        String name,
        UUID ownerId,
        String state,
        UUID nodeId,
        List<ServerAllocation> allocations,
        UUID eggId,
        int eggVersion,
        UUID planId,
        String region,
        String image,
        Limits limits,
        @Nullable String suspensionReason,
        boolean restartOnCrash,
        int crashCount,
        @Nullable Instant nextRestartAt,
        Instant createdAt) {

    record Limits(long cpuMillis, long memoryMib, long swapMib, long diskMib, int ioWeight, int ports) {
    }

    static ServerView of(Server server, List<ServerAllocation> allocations) {
        Server.Resources r = server.resources();
        return new ServerView(server.id(), server.name(), server.ownerId(), server.state().wire(), server.nodeId(),
                allocations, server.eggId(), server.eggVersion(), server.planId(), server.region(), server.image(),
                new Limits(r.cpuMillis(), r.memoryMib(), r.swapMib(), r.diskMib(), r.ioWeight(), r.ports()),
                server.suspensionReason(), server.restartOnCrash(), server.crashCount(), server.nextRestartAt(),
                server.createdAt());
    }
}
