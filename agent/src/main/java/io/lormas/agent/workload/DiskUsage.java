package io.lormas.agent.workload;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.lormas.contracts.agent.ServerSpec;
import jakarta.inject.Singleton;

/**
 * Disk used by each server's data directory. Engines cannot limit a bind mount's size, so the agent measures
 * it: a server over its limit does not start, and one that grows over it while running is stopped by
 * {@link UsageMonitor}.
 */
@Singleton
final class DiskUsage {

    private static final long MIB = 1024L * 1024L;
    /** A start measures again when the last measurement is older than this. */
    private static final Duration FRESH = Duration.ofSeconds(30);

    private record Measurement(long bytes, long atNanos) {
    }

    private final DataDirectories directories;
    private final ConcurrentMap<String, Measurement> measurements = new ConcurrentHashMap<>();

    DiskUsage(DataDirectories directories) {
        this.directories = directories;
    }

    long measure(String serverId) {
        long bytes = directories.size(serverId);
        measurements.put(serverId, new Measurement(bytes, System.nanoTime()));
        return bytes;
    }

    /** The last measurement, 0 when never measured. */
    long lastKnown(String serverId) {
        Measurement measurement = measurements.get(serverId);
        return measurement == null ? 0 : measurement.bytes();
    }

    static long limitBytes(ServerSpec spec) {
        return spec.limits().diskMib() * MIB;
    }

    /** @throws CommandFailure {@code disk_exceeded} when the server uses more than its plan allows */
    void requireWithinLimit(String serverId, ServerSpec spec) {
        Measurement last = measurements.get(serverId);
        long bytes = last != null && System.nanoTime() - last.atNanos() < FRESH.toNanos() ? last.bytes() : measure(serverId);
        long limit = limitBytes(spec);
        if (bytes > limit) {
            throw new CommandFailure("disk_exceeded", "server " + serverId + " uses " + bytes / MIB + " MiB of its "
                    + spec.limits().diskMib() + " MiB disk; free space before starting it",
                    Map.of("diskBytes", bytes, "limitBytes", limit));
        }
    }

    void forget(String serverId) {
        measurements.remove(serverId);
    }
}
