package io.lormas.deploy.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.lormas.deploy.scheduler.Decision;
import io.lormas.deploy.scheduler.Fleet;
import io.lormas.deploy.scheduler.NodeCandidate;
import io.lormas.deploy.scheduler.PlacementRequest;
import io.lormas.deploy.scheduler.Scheduler;
import io.lormas.deploy.scheduler.Strategy;

/**
 * Placement decisions per second over a fleet of {@code nodes} nodes spread over {@code regions} regions
 * (1 = every node is a candidate, the worst case). Nodes are 50 to 90 % used, some offline or full; requests vary
 * in size and region. One operation is one decision (filters and scores every node of the region).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SchedulerBenchmark {

    @Param({ "5000" })
    public int nodes;

    @Param({ "1", "10" })
    public int regions;

    @Param({ "BIN_PACK", "SPREAD" })
    public Strategy strategy;

    private Scheduler scheduler;
    private Fleet fleet;
    private PlacementRequest[] requests;
    private int next;

    @Setup
    public void fleet() {
        Random random = new Random(42);
        List<NodeCandidate> candidates = new ArrayList<>(nodes);
        for (int i = 0; i < nodes; i++) {
            long memory = 32_768L << random.nextInt(3);
            long cpu = 8_000L << random.nextInt(3);
            long disk = 500_000L << random.nextInt(2);
            double used = 0.5 + random.nextDouble() * 0.4;
            boolean online = random.nextInt(50) != 0;
            candidates.add(new NodeCandidate(new UUID(random.nextLong(), random.nextLong()), "node-" + i,
                    "region-" + (i % regions), "ACTIVE", online, true, false, cpu, memory, disk, 0, 10, 0,
                    (long) (cpu * used), (long) (memory * used), (long) (disk * used), 1000,
                    (int) (1000 * used), Map.of()));
        }
        fleet = Fleet.of(candidates);
        scheduler = new Scheduler(strategy);
        requests = new PlacementRequest[1024];
        long[] sizes = { 512, 1024, 2048, 4096, 8192 };
        for (int i = 0; i < requests.length; i++) {
            long memory = sizes[random.nextInt(sizes.length)];
            requests[i] = PlacementRequest.of("region-" + random.nextInt(regions), memory / 2, memory, memory * 4,
                    1 + random.nextInt(2));
        }
    }

    @Benchmark
    public Decision place() {
        PlacementRequest request = requests[next++ & (requests.length - 1)];
        return scheduler.place(request, fleet);
    }
}
