package io.lormas.deploy.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lormas.deploy.scheduler.Decision.Filter;

class SchedulerTest {

    private final Scheduler binPack = new Scheduler(Strategy.BIN_PACK);
    private final Scheduler spread = new Scheduler(Strategy.SPREAD);

    static NodeCandidate node(String name, String region, long memoryMib, long memoryUsed) {
        return new NodeCandidate(UUID.nameUUIDFromBytes(name.getBytes()), name, region, "ACTIVE", true, true, false,
                4000, memoryMib, 100_000, 0, 0, 0, 0, memoryUsed, 0, 100, 0, Map.of());
    }

    static NodeCandidate with(NodeCandidate n, String status, boolean online, boolean schedulable, boolean maintenance) {
        return new NodeCandidate(n.nodeId(), n.name(), n.region(), status, online, schedulable, maintenance,
                n.cpuMillis(), n.memoryMib(), n.diskMib(), n.cpuOverallocationPercent(),
                n.memoryOverallocationPercent(), n.diskOverallocationPercent(), n.cpuUsed(), n.memoryUsed(),
                n.diskUsed(), n.portCapacity(), n.portsUsed(), n.labels());
    }

    @Test
    void placesOnTheFullestNodeThatFitsWhenBinPacking() {
        Fleet fleet = Fleet.of(List.of(node("n1", "eu-1", 8192, 1024), node("n2", "eu-1", 8192, 6144),
                node("n3", "eu-1", 8192, 7680)));

        Decision decision = binPack.place(PlacementRequest.of("eu-1", 500, 1024, 1000, 1), fleet);

        assertThat(decision).isInstanceOfSatisfying(Decision.Placed.class, p -> assertThat(p.nodeName()).isEqualTo("n2"));
    }

    @Test
    void placesOnTheEmptiestNodeWhenSpreading() {
        Fleet fleet = Fleet.of(List.of(node("n1", "eu-1", 8192, 1024), node("n2", "eu-1", 8192, 6144)));

        Decision decision = spread.place(PlacementRequest.of("eu-1", 500, 1024, 1000, 1), fleet);

        assertThat(decision).isInstanceOfSatisfying(Decision.Placed.class, p -> assertThat(p.nodeName()).isEqualTo("n1"));
    }

    @Test
    void breaksTiesByLowestNodeIdWhateverTheOrderOfNodes() {
        List<NodeCandidate> nodes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nodes.add(node("twin-" + i, "eu-1", 8192, 0));
        }
        UUID lowest = nodes.stream().map(NodeCandidate::nodeId).sorted().findFirst().orElseThrow();
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(nodes);
            Decision decision = binPack.place(PlacementRequest.of("eu-1", 100, 100, 100, 1), Fleet.of(nodes));
            assertThat(((Decision.Placed) decision).nodeId()).isEqualTo(lowest);
        }
    }

    @Test
    void ignoresNodesOfOtherRegions() {
        Fleet fleet = Fleet.of(List.of(node("far", "us-1", 65536, 0), node("near", "eu-1", 4096, 0)));

        Decision decision = binPack.place(PlacementRequest.of("eu-1", 100, 2048, 100, 1), fleet);

        assertThat(((Decision.Placed) decision).nodeName()).isEqualTo("near");
    }

    @Test
    void refusesWhenTheRegionHasNoNode() {
        Decision decision = binPack.place(PlacementRequest.of("ap-9", 100, 100, 100, 1),
                Fleet.of(List.of(node("n1", "eu-1", 8192, 0))));

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class,
                r -> assertThat(r.summary()).isEqualTo("no node in region 'ap-9'"));
    }

    @Test
    void rejectsPlacementWhenNoNodeHasMemoryAndExplainsEachNode() {
        NodeCandidate n1 = node("n1", "eu-1", 4096, 2048);
        NodeCandidate n2 = with(node("n2", "eu-1", 65536, 0), "ACTIVE", false, true, false);
        Fleet fleet = Fleet.of(List.of(n1, n2));

        Decision decision = binPack.place(PlacementRequest.of("eu-1", 1000, 4096, 10240, 2), fleet);

        assertThat(decision).isInstanceOfSatisfying(Decision.Refused.class, refused -> {
            assertThat(refused.summary()).isEqualTo("no ACTIVE node in region eu-1 can take 4096 MiB memory, "
                    + "1000 mCPU, 10240 MiB disk and 2 ports: n1 2048 MiB memory free, 4096 needed, n2 offline");
            assertThat(refused.reasons()).extracting(Decision.NodeRefusal::filter)
                    .containsExactly(Filter.MEMORY, Filter.AVAILABILITY);
        });
    }

    @Test
    void explainsEveryKindOfUnavailability() {
        Fleet fleet = Fleet.of(List.of(
                with(node("a", "eu-1", 8192, 0), "MAINTENANCE", true, true, false),
                with(node("b", "eu-1", 8192, 0), "ACTIVE", true, false, false),
                with(node("c", "eu-1", 8192, 0), "ACTIVE", true, true, true)));

        Decision.Refused refused = (Decision.Refused) binPack.place(PlacementRequest.of("eu-1", 1, 1, 1, 1), fleet);

        assertThat(refused.reasons()).extracting(Decision.NodeRefusal::reason)
                .containsExactly("status MAINTENANCE", "not schedulable", "in maintenance");
    }

    @Test
    void checksCpuDiskAndPortsAfterMemory() {
        NodeCandidate cpu = new NodeCandidate(UUID.randomUUID(), "cpu", "eu-1", "ACTIVE", true, true, false, 1000, 8192,
                100_000, 0, 0, 0, 900, 0, 0, 10, 0, Map.of());
        NodeCandidate disk = new NodeCandidate(UUID.randomUUID(), "disk", "eu-1", "ACTIVE", true, true, false, 4000, 8192,
                1000, 0, 0, 0, 0, 0, 900, 10, 0, Map.of());
        NodeCandidate ports = new NodeCandidate(UUID.randomUUID(), "ports", "eu-1", "ACTIVE", true, true, false, 4000,
                8192, 100_000, 0, 0, 0, 0, 0, 0, 10, 9, Map.of());

        Decision.Refused refused = (Decision.Refused) binPack.place(PlacementRequest.of("eu-1", 500, 512, 500, 2),
                Fleet.of(List.of(cpu, disk, ports)));

        assertThat(refused.reasons()).extracting(Decision.NodeRefusal::reason).containsExactly(
                "100 mCPU free, 500 needed", "100 MiB disk free, 500 needed", "1 port free, 2 needed");
    }

    @Test
    void allowsOverallocationUpToItsPercentage() {
        NodeCandidate over = new NodeCandidate(UUID.randomUUID(), "over", "eu-1", "ACTIVE", true, true, false, 1000, 4096,
                10_000, 0, 50, 0, 0, 4096, 0, 10, 0, Map.of());
        Fleet fleet = Fleet.of(List.of(over));

        assertThat(binPack.place(PlacementRequest.of("eu-1", 100, 2048, 100, 1), fleet))
                .isInstanceOf(Decision.Placed.class);
        assertThat(binPack.place(PlacementRequest.of("eu-1", 100, 2049, 100, 1), fleet))
                .isInstanceOf(Decision.Refused.class);
    }

    @Test
    void treatsNegativeOverallocationAsNoLimit() {
        NodeCandidate unlimited = new NodeCandidate(UUID.randomUUID(), "big", "eu-1", "ACTIVE", true, true, false, 1000,
                1024, 10_000, -1, -1, -1, 5000, 8000, 9000, 10, 0, Map.of());

        assertThat(binPack.place(PlacementRequest.of("eu-1", 100_000, 100_000, 100_000, 1), Fleet.of(List.of(unlimited))))
                .isInstanceOf(Decision.Placed.class);
    }

    @Test
    void requiresTheLabelsAsked() {
        NodeCandidate plain = node("plain", "eu-1", 8192, 0);
        NodeCandidate nvme = new NodeCandidate(UUID.randomUUID(), "nvme", "eu-1", "ACTIVE", true, true, false, 4000, 8192,
                100_000, 0, 0, 0, 0, 0, 0, 10, 0, Map.of("disk", "nvme"));
        PlacementRequest wantsNvme = new PlacementRequest("eu-1", 100, 100, 100, 1, Map.of("disk", "nvme"), null);

        assertThat(((Decision.Placed) binPack.place(wantsNvme, Fleet.of(List.of(plain, nvme)))).nodeName())
                .isEqualTo("nvme");
        Decision.Refused refused = (Decision.Refused) binPack.place(wantsNvme, Fleet.of(List.of(plain)));
        assertThat(refused.reasons().getFirst().reason()).isEqualTo("lacks label disk=nvme");
    }

    @Test
    void considersOnlyThePinnedNode() {
        NodeCandidate a = node("a", "eu-1", 8192, 0);
        NodeCandidate b = node("b", "us-1", 8192, 4096);
        PlacementRequest pinned = new PlacementRequest("eu-1", 100, 100, 100, 1, Map.of(), b.nodeId());

        assertThat(((Decision.Placed) spread.place(pinned, Fleet.of(List.of(a, b)))).nodeName()).isEqualTo("b");
        PlacementRequest tooBig = new PlacementRequest("eu-1", 100, 8192, 100, 1, Map.of(), b.nodeId());
        assertThat(((Decision.Refused) spread.place(tooBig, Fleet.of(List.of(a, b)))).summary())
                .startsWith("node b cannot take 8192 MiB memory");
    }

    @Test
    void skipsExcludedNodesAndSaysWhy() {
        NodeCandidate a = node("a", "eu-1", 8192, 0);
        Decision.Refused refused = (Decision.Refused) binPack.place(PlacementRequest.of("eu-1", 1, 1, 1, 1),
                Fleet.of(List.of(a)), Set.of(a.nodeId()));

        assertThat(refused.reasons().getFirst().reason()).isEqualTo("filled up by concurrent placements");
    }

    @Test
    void countsReservationsOfThisReplicaAtOnce() {
        NodeCandidate a = node("a", "eu-1", 2048, 0);
        Fleet fleet = Fleet.of(List.of(a));
        PlacementRequest request = PlacementRequest.of("eu-1", 100, 1024, 100, 1);

        assertThat(binPack.place(request, fleet)).isInstanceOf(Decision.Placed.class);
        fleet.reserve(a.nodeId(), 100, 1024, 100, 1);
        fleet.reserve(a.nodeId(), 100, 1024, 100, 1);
        assertThat(binPack.place(request, fleet)).isInstanceOf(Decision.Refused.class);
        fleet.release(a.nodeId(), 100, 1024, 100, 1);
        assertThat(binPack.place(request, fleet)).isInstanceOf(Decision.Placed.class);
    }

    @Test
    void readsStrategyNames() {
        assertThat(Strategy.parse("bin-pack")).isEqualTo(Strategy.BIN_PACK);
        assertThat(Strategy.parse("Spread")).isEqualTo(Strategy.SPREAD);
    }
}
