package io.lormas.deploy.scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.deploy.node.NodeDirectory;
import io.lormas.deploy.node.NodeRow;
import io.lormas.deploy.node.Nodes;

/**
 * The fleet as this replica last read it, reloaded when older than {@link SchedulerSettings#maxAge()} or when a
 * node changed. Placements of this replica are counted in at once ({@link Fleet#reserve}); those of other
 * replicas show up at the next reload, and until then the database reservation refuses what no longer fits.
 */
@Component
public class NodeFleet {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final Nodes nodes;
    private final JsonMapper json;
    private final Duration maxAge;
    private volatile @Nullable Snapshot snapshot;

    private record Snapshot(Fleet fleet, long loadedAtNanos) {
    }

    NodeFleet(Nodes nodes, JsonMapper json, SchedulerSettings settings) {
        this.nodes = nodes;
        this.json = json;
        this.maxAge = settings.maxAge();
    }

    public Fleet current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAtNanos() > maxAge.toNanos()) {
            return reload();
        }
        return current.fleet();
    }

    /** Reads every node again (e.g. before refusing a placement). */
    public Fleet reload() {
        Fleet fleet = Fleet.of(nodes.findAll().stream().map(this::candidate).toList());
        snapshot = new Snapshot(fleet, System.nanoTime());
        return fleet;
    }

    public void invalidate() {
        snapshot = null;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(NodeDirectory.NodesChanged event) {
        invalidate();
    }

    /** A server of this replica was placed (after commit). */
    void reserved(UUID nodeId, long cpu, long memory, long disk, int ports) {
        Snapshot current = snapshot;
        if (current != null) {
            current.fleet().reserve(nodeId, cpu, memory, disk, ports);
        }
    }

    /** A server was removed from a node (after commit). */
    public void released(UUID nodeId, long cpu, long memory, long disk, int ports) {
        Snapshot current = snapshot;
        if (current != null) {
            current.fleet().release(nodeId, cpu, memory, disk, ports);
        }
    }

    private NodeCandidate candidate(NodeRow row) {
        return new NodeCandidate(row.nodeId(), row.name(), row.region(), row.status(), row.online(), row.schedulable(),
                row.maintenance(), row.cpuMillis(), row.memoryMib(), row.diskMib(), row.cpuOverallocationPercent(),
                row.memoryOverallocationPercent(), row.diskOverallocationPercent(), row.cpuUsed(), row.memoryUsed(),
                row.diskUsed(), row.portCapacity(), row.portsUsed(), json.readValue(row.labels(), LABELS));
    }
}
