package io.lormas.deploy.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.lormas.deploy.scheduler.Decision.Filter;
import io.lormas.deploy.scheduler.Decision.NodeRefusal;

/**
 * Chooses a node for a server: filters (region, availability, memory, CPU, disk, ports, labels), then scores
 * the nodes that fit (bin-pack or spread), ties going to the lowest node id so that equal inputs always give the
 * same answer. Pure: no I/O, no clock, no randomness; thread-safe.
 * <p>
 * Score: the node's utilization after the placement, weighted memory 1/2, CPU 1/4, disk 1/4 (a dimension
 * without limit counts 0). Bin-pack takes the highest, spread the lowest. A decision reads four longs and four
 * doubles per node of the region and nothing else, unless labels or exclusions are asked for; only a refusal
 * looks further, to explain itself.
 */
public final class Scheduler {

    private static final int SUMMARY_NODES = 10;

    private final Strategy strategy;

    public Scheduler(Strategy strategy) {
        this.strategy = strategy;
    }

    public Strategy strategy() {
        return strategy;
    }

    public Decision place(PlacementRequest request, Fleet fleet) {
        return place(request, fleet, Set.of());
    }

    /**
     * @param excluded nodes not to choose (e.g. found full when reserving); they are explained as such
     */
    public Decision place(PlacementRequest request, Fleet fleet, Set<UUID> excluded) {
        int from;
        int to;
        if (request.pinnedNode() != null) {
            Integer index = fleet.indexOf(request.pinnedNode());
            from = index == null ? 0 : index;
            to = index == null ? 0 : index + 1;
        } else {
            int[] range = fleet.region(request.region());
            from = range == null ? 0 : range[0];
            to = range == null ? 0 : range[1];
        }
        long memory = request.memoryMib();
        long cpu = request.cpuMillis();
        long disk = request.diskMib();
        long ports = request.ports();
        boolean checkLabels = !request.labels().isEmpty();
        boolean checkExcluded = !excluded.isEmpty();
        boolean binPack = strategy == Strategy.BIN_PACK;
        long[] free = fleet.free;
        double[] weights = fleet.weights;
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        // Nodes are sorted by id within a region: on equal scores the first one met (lowest id) stays chosen.
        for (int i = from; i < to; i++) {
            int base = i * Fleet.STRIDE;
            long memoryLeft = free[base] - memory;
            long cpuLeft = free[base + 1] - cpu;
            long diskLeft = free[base + 2] - disk;
            if (memoryLeft < 0 || cpuLeft < 0 || diskLeft < 0 || free[base + 3] < ports
                    || (checkLabels && !hasLabels(fleet.labels[i], request.labels()))
                    || (checkExcluded && excluded.contains(fleet.ids[i]))) {
                continue;
            }
            // utilization after the placement = the weights of the limited dimensions - the weighted share left free
            double utilization = weights[base + 3] - (memoryLeft * weights[base] + cpuLeft * weights[base + 1]
                    + diskLeft * weights[base + 2]);
            double score = binPack ? utilization : -utilization;
            if (score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        if (best >= 0) {
            return new Decision.Placed(fleet.ids[best], fleet.names[best], fleet.regionOf[best],
                    binPack ? bestScore : -bestScore);
        }
        return refuse(request, fleet, from, to, excluded);
    }

    private static boolean hasLabels(Map<String, String> labels, Map<String, String> wanted) {
        for (Map.Entry<String, String> label : wanted.entrySet()) {
            if (!label.getValue().equals(labels.get(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The slow path, only when nothing fits: every candidate's first failing filter, in plain words. */
    private static Decision.Refused refuse(PlacementRequest request, Fleet fleet, int from, int to,
            Set<UUID> excluded) {
        if (from >= to) {
            String summary = request.pinnedNode() != null
                    ? "node " + request.pinnedNode() + " is unknown"
                    : "no node in region '" + request.region() + "'";
            return new Decision.Refused(summary, List.of(new NodeRefusal(
                    request.pinnedNode() == null ? new UUID(0, 0) : request.pinnedNode(), "-", Filter.REGION, summary)));
        }
        List<NodeRefusal> reasons = new ArrayList<>();
        for (int i = from; i < to; i++) {
            reasons.add(explain(request, fleet, i, excluded));
        }
        reasons.sort((a, b) -> a.node().compareTo(b.node()));
        String prefix = request.pinnedNode() != null ? "node " + fleet.names[from] + " cannot take "
                : "no ACTIVE node in region " + request.region() + " can take ";
        String listed = reasons.stream().limit(SUMMARY_NODES).map(r -> r.node() + " " + r.reason())
                .collect(Collectors.joining(", "));
        if (reasons.size() > SUMMARY_NODES) {
            listed += " and " + (reasons.size() - SUMMARY_NODES) + " more";
        }
        return new Decision.Refused(prefix + request.describe() + ": " + listed, reasons);
    }

    private static NodeRefusal explain(PlacementRequest request, Fleet fleet, int i, Set<UUID> excluded) {
        UUID id = fleet.ids[i];
        String name = fleet.names[i];
        if (!fleet.available(i)) {
            return new NodeRefusal(id, name, Filter.AVAILABILITY, String.valueOf(fleet.unavailableReason[i]));
        }
        long memoryFree = fleet.freeOf(i, Fleet.MEMORY);
        if (memoryFree < request.memoryMib()) {
            return new NodeRefusal(id, name, Filter.MEMORY,
                    Math.max(0, memoryFree) + " MiB memory free, " + request.memoryMib() + " needed");
        }
        long cpuFree = fleet.freeOf(i, Fleet.CPU);
        if (cpuFree < request.cpuMillis()) {
            return new NodeRefusal(id, name, Filter.CPU,
                    Math.max(0, cpuFree) + " mCPU free, " + request.cpuMillis() + " needed");
        }
        long diskFree = fleet.freeOf(i, Fleet.DISK);
        if (diskFree < request.diskMib()) {
            return new NodeRefusal(id, name, Filter.DISK,
                    Math.max(0, diskFree) + " MiB disk free, " + request.diskMib() + " needed");
        }
        long portsFree = fleet.freeOf(i, Fleet.PORTS);
        if (portsFree < request.ports()) {
            return new NodeRefusal(id, name, Filter.PORTS,
                    Math.max(0, portsFree) + (portsFree == 1 ? " port" : " ports") + " free, " + request.ports()
                            + " needed");
        }
        for (Map.Entry<String, String> label : request.labels().entrySet()) {
            if (!label.getValue().equals(fleet.labels[i].get(label.getKey()))) {
                return new NodeRefusal(id, name, Filter.LABELS, "lacks label " + label.getKey() + "=" + label.getValue());
            }
        }
        if (excluded.contains(id)) {
            return new NodeRefusal(id, name, Filter.EXCLUDED, "filled up by concurrent placements");
        }
        return new NodeRefusal(id, name, Filter.EXCLUDED, "not eligible");
    }
}
