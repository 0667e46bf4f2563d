package io.lormas.deploy.scheduler;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The nodes the scheduler chooses from, laid out so that one decision over thousands of nodes is a tight loop over
 * primitive arrays: nodes sorted by region, then by id (so each region is one contiguous range, and the first best
 * node met is the one with the lowest id), with what is free and the inverse capacities side by side per node.
 * An unavailable node has nothing free, so the loop needs no separate availability test.
 * <p>
 * Facts are fixed at construction; free resources may be adjusted in place ({@link #reserve}) so that one replica
 * sees its own placements at once. A fleet is a hint: the database reservation is what guarantees capacity.
 */
public final class Fleet {

    /** Longs per node in {@link #free}: memory, cpu, disk, ports. */
    static final int STRIDE = 4;
    static final int MEMORY = 0;
    static final int CPU = 1;
    static final int DISK = 2;
    static final int PORTS = 3;
    /** "No limit" as free space: large, and far from overflowing when reservations are added or taken. */
    private static final long UNLIMITED = Long.MAX_VALUE / 4;
    private static final long UNAVAILABLE = -UNLIMITED;

    final int size;
    final UUID[] ids;
    final String[] names;
    final String[] regionOf;
    final @Nullable String[] unavailableReason;
    final Map<String, String>[] labels;
    /** Free memory, cpu, disk, ports per node ({@link #STRIDE} longs each); negative when unavailable. */
    final long[] free;
    /** Weights over capacity per node: memory/2, cpu/4, disk/4 (0 when unlimited), then the sum of the weights. */
    final double[] weights;
    private final Map<String, int[]> regions = new HashMap<>();
    private final Map<UUID, Integer> indexOf;
    private final boolean[] available;

    @SuppressWarnings("unchecked")
    private Fleet(List<NodeCandidate> unsorted) {
        List<NodeCandidate> nodes = new ArrayList<>(unsorted);
        nodes.sort(Comparator.comparing(NodeCandidate::region).thenComparing(NodeCandidate::nodeId));
        size = nodes.size();
        ids = new UUID[size];
        names = new String[size];
        regionOf = new String[size];
        unavailableReason = new String[size];
        labels = new Map[size];
        available = new boolean[size];
        free = new long[size * STRIDE];
        weights = new double[size * STRIDE];
        indexOf = new HashMap<>(size * 2);
        int start = 0;
        for (int i = 0; i < size; i++) {
            NodeCandidate node = nodes.get(i);
            ids[i] = node.nodeId();
            names[i] = node.name();
            regionOf[i] = node.region();
            labels[i] = node.labels();
            unavailableReason[i] = unavailability(node);
            available[i] = unavailableReason[i] == null;
            long memory = NodeCandidate.effective(node.memoryMib(), node.memoryOverallocationPercent());
            long cpu = NodeCandidate.effective(node.cpuMillis(), node.cpuOverallocationPercent());
            long disk = NodeCandidate.effective(node.diskMib(), node.diskOverallocationPercent());
            int base = i * STRIDE;
            free[base + MEMORY] = freeOf(memory, node.memoryUsed(), available[i]);
            free[base + CPU] = freeOf(cpu, node.cpuUsed(), available[i]);
            free[base + DISK] = freeOf(disk, node.diskUsed(), available[i]);
            free[base + PORTS] = available[i] ? node.portCapacity() - node.portsUsed() : UNAVAILABLE;
            weights[base + MEMORY] = weight(0.5, memory);
            weights[base + CPU] = weight(0.25, cpu);
            weights[base + DISK] = weight(0.25, disk);
            weights[base + 3] = (weights[base] == 0 ? 0 : 0.5) + (weights[base + 1] == 0 ? 0 : 0.25)
                    + (weights[base + 2] == 0 ? 0 : 0.25);
            indexOf.put(node.nodeId(), i);
            if (i == size - 1 || !nodes.get(i + 1).region().equals(node.region())) {
                regions.put(node.region(), new int[] { start, i + 1 });
                start = i + 1;
            }
        }
    }

    public static Fleet of(Collection<NodeCandidate> nodes) {
        return new Fleet(List.copyOf(nodes));
    }

    public static Fleet empty() {
        return new Fleet(List.of());
    }

    public int size() {
        return size;
    }

    /** {@code [start, end)} of a region's nodes; null when the region has none. */
    int @Nullable [] region(String region) {
        return regions.get(region);
    }

    @Nullable Integer indexOf(UUID nodeId) {
        return indexOf.get(nodeId);
    }

    public boolean contains(UUID nodeId) {
        return indexOf.containsKey(nodeId);
    }

    boolean available(int i) {
        return available[i];
    }

    /** What is free on a node in one dimension; {@link Long#MAX_VALUE} when unlimited. */
    long freeOf(int i, int dimension) {
        long value = free[i * STRIDE + dimension];
        return value > UNLIMITED / 2 ? Long.MAX_VALUE : value;
    }

    /** Counts a placement this replica made, so its next decisions see it before the next reload. */
    public synchronized void reserve(UUID nodeId, long cpu, long memory, long disk, int ports) {
        Integer i = indexOf.get(nodeId);
        if (i != null && available[i]) {
            int base = i * STRIDE;
            free[base + MEMORY] -= memory;
            free[base + CPU] -= cpu;
            free[base + DISK] -= disk;
            free[base + PORTS] -= ports;
        }
    }

    /** Counts a server freed on a node. */
    public synchronized void release(UUID nodeId, long cpu, long memory, long disk, int ports) {
        reserve(nodeId, -cpu, -memory, -disk, -ports);
    }

    private static long freeOf(long capacity, long used, boolean available) {
        if (!available) {
            return UNAVAILABLE;
        }
        return capacity == Long.MAX_VALUE ? UNLIMITED : capacity - used;
    }

    private static double weight(double weight, long capacity) {
        return capacity <= 0 || capacity == Long.MAX_VALUE ? 0 : weight / capacity;
    }

    private static @Nullable String unavailability(NodeCandidate node) {
        if (!node.online()) {
            return "offline";
        }
        if (!"ACTIVE".equals(node.status())) {
            return "status " + node.status();
        }
        if (node.maintenance()) {
            return "in maintenance";
        }
        if (!node.schedulable()) {
            return "not schedulable";
        }
        return null;
    }
}
