package io.lormas.agent.workload;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lormas.agent.config.StatsSettings;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.ContainerState;
import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.agent.runtime.UsageSample;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.agent.ServerSpec;
import io.lormas.contracts.agent.Stats;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic measurements: a {@code stats} frame per running server (CPU from two consecutive samples, memory,
 * network, disk), and the disk use of every server, stopping a running server that went over its limit and
 * reporting it as {@code disk_exceeded}. One engine call at a time, so 50 servers do not load the engine at once.
 */
@Singleton
final class UsageMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UsageMonitor.class);

    private final ContainerRuntime runtime;
    private final NodeInventory inventory;
    private final ServerSpecs specs;
    private final DiskUsage disk;
    private final ServerLifecycle lifecycle;
    private final Uplink uplink;
    private final StatsSettings settings;
    private final Map<String, UsageSample> previous = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean failing;
    private @Nullable Thread statsThread;
    private @Nullable Thread diskThread;

    UsageMonitor(ContainerRuntime runtime, NodeInventory inventory, ServerSpecs specs, DiskUsage disk,
            ServerLifecycle lifecycle, Uplink uplink, StatsSettings settings) {
        this.runtime = runtime;
        this.inventory = inventory;
        this.specs = specs;
        this.disk = disk;
        this.lifecycle = lifecycle;
        this.uplink = uplink;
        this.settings = settings;
    }

    void start() {
        if (running.compareAndSet(false, true)) {
            statsThread = Thread.ofVirtual().name("stats").start(() -> every(settings.interval().toMillis(), this::sendStats));
            diskThread = Thread.ofVirtual().name("disk").start(() -> every(settings.diskInterval().toMillis(), this::checkDisks));
        }
    }

    private void every(long millis, Runnable work) {
        while (running.get()) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            try {
                work.run();
                failing = false;
            } catch (RuntimeException e) {
                // Once per outage, not once per second while the engine is down.
                if (!failing) {
                    LOG.warn("periodic measurement failed (logged again when it recovers and fails anew): {}", e.toString());
                }
                failing = true;
            }
        }
    }

    void sendStats() {
        if (!uplink.connected()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (ContainerState container : inventory.serverContainers()) {
            String serverId = ServerContainers.serverIdOf(container);
            if (serverId == null || !container.running()) {
                continue;
            }
            Optional<UsageSample> sample;
            try {
                sample = runtime.usage(container.id());
            } catch (RuntimeFailure e) {
                LOG.debug("no stats for {}: {}", serverId, e.getMessage());
                continue;
            }
            if (sample.isEmpty()) {
                continue;
            }
            seen.add(container.id());
            UsageSample now = sample.get();
            UsageSample before = previous.put(container.id(), now);
            double cpu = before == null ? 0 : now.cpuPercentSince(before);
            uplink.send(new Stats(serverId, Instant.now(), Math.round(cpu * 100) / 100.0, now.memoryBytes(),
                    now.memoryLimitBytes(), now.networkRxBytes(), now.networkTxBytes(), disk.lastKnown(serverId)));
        }
        previous.keySet().retainAll(seen);
    }

    void checkDisks() {
        for (ContainerState container : inventory.serverContainers()) {
            String serverId = ServerContainers.serverIdOf(container);
            if (serverId == null) {
                continue;
            }
            long bytes = disk.measure(serverId);
            ServerSpec spec = specs.find(serverId).orElse(null);
            if (spec == null || !container.running() || bytes <= DiskUsage.limitBytes(spec)) {
                continue;
            }
            LOG.warn("server {} uses {} bytes of disk, over its limit of {} MiB: stopping it", serverId, bytes,
                    spec.limits().diskMib());
            uplink.send(new ContainerEvent(serverId, ContainerEvent.Kind.DISK_EXCEEDED, null, true, Instant.now(),
                    "uses " + bytes / (1024 * 1024) + " MiB of " + spec.limits().diskMib() + " MiB: stopping"));
            try {
                lifecycle.stopForDiskLimit(serverId);
            } catch (CommandFailure | RuntimeFailure e) {
                LOG.warn("stopping server {} over its disk limit failed: {}", serverId, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread thread : new Thread[] {statsThread, diskThread}) {
            if (thread != null) {
                thread.interrupt();
            }
        }
    }
}
