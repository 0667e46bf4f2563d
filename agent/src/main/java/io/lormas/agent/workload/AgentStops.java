package io.lormas.agent.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;

/**
 * Servers the agent itself is stopping, killing or removing, so the {@code die} that follows is reported as
 * caused by the agent and not as a crash (and an exit 137 is not taken for an OOM kill).
 */
@Singleton
final class AgentStops {

    private static final Duration REMEMBERED = Duration.ofMinutes(10);

    private final ConcurrentMap<String, Instant> stopping = new ConcurrentHashMap<>();

    void expect(String serverId) {
        stopping.put(serverId, Instant.now());
    }

    /** Whether the agent stopped this server recently; forgets it. */
    boolean consume(String serverId) {
        Instant since = stopping.remove(serverId);
        return since != null && since.isAfter(Instant.now().minus(REMEMBERED));
    }

    void forget(String serverId) {
        stopping.remove(serverId);
    }
}
