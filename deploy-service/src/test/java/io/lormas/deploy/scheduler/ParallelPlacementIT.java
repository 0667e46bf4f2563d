package io.lormas.deploy.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;

/** Many creates at once never overcommit a node and never give one port to two servers. */
@DeployIT
class ParallelPlacementIT {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    World world;

    @BeforeEach
    void world() {
        world = new World(context, port);
    }

    @AfterEach
    void close() {
        world.close();
    }

    /** Fires all creates at once and returns their statuses. */
    List<Integer> createAtOnce(UUID eggId, UUID planId, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                go.await();
                return world.create(World.customer(world.ownerId),
                        World.newServer("p" + n, eggId, planId, world.region)).status();
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        return statuses;
    }

    @Test
    void neverOvercommitsMemoryUnderParallelCreates() throws Exception {
        SimulatedNode a = world.node("a", 3 * 1024, 100);
        SimulatedNode b = world.node("b", 2 * 1024, 100);
        UUID eggId = world.egg(List.of());
        UUID planId = world.plan(1024);

        List<Integer> statuses = createAtOnce(eggId, planId, 16);

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(11);
        for (SimulatedNode node : List.of(a, b)) {
            long reserved = world.jdbc.sql("select memory_used from node where node_id = ?").param(node.nodeId)
                    .query(Long.class).single();
            long placed = world.jdbc.sql("select coalesce(sum(memory_mib), 0) from server where node_id = ?")
                    .param(node.nodeId).query(Long.class).single();
            long capacity = world.jdbc.sql("select memory_mib from node where node_id = ?").param(node.nodeId)
                    .query(Long.class).single();
            assertThat(reserved).isEqualTo(placed).isEqualTo(capacity);
        }
    }

    @Test
    void givesBackAPlacementWhoseServerWasNeverStored() {
        SimulatedNode node = world.node("orphan", 8192, 10);
        Placements placements = context.getBean(Placements.class);
        java.util.UUID serverId = io.lormas.platform.id.Ids.newId();

        Placements.Placement placement = placements.reserve(PlacementRequest.of(world.region, 500, 2048, 1024, 2),
                serverId); // ... and the process dies before storing the server
        assertThat(placement.nodeId()).isEqualTo(node.nodeId);
        assertThat(world.jdbc.sql("select memory_used from node where node_id = ?").param(node.nodeId)
                .query(Long.class).single()).isEqualTo(2048);
        world.jdbc.sql("update placement_reservation set created_at = now() - interval '2 minutes' where server_id = ?")
                .param(serverId).update();

        placements.sweep();

        assertThat(world.jdbc.sql("select memory_used + ports_used from node where node_id = ?").param(node.nodeId)
                .query(Long.class).single()).isZero();
        assertThat(world.jdbc.sql("select count(*) from allocation where server_id = ?").param(serverId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void neverGivesOnePortToTwoServers() throws Exception {
        SimulatedNode node = world.node("ports", 64 * 1024, 4);
        UUID eggId = world.egg(List.of());
        UUID planId = world.plan(256);

        List<Integer> statuses = createAtOnce(eggId, planId, 12);

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(4);
        List<Integer> ports = world.jdbc.sql("select port from allocation where node_id = ? order by port")
                .param(node.nodeId).query(Integer.class).list();
        assertThat(ports).containsExactly(20000, 20001, 20002, 20003);
        assertThat(world.jdbc.sql("select ports_used from node where node_id = ?").param(node.nodeId)
                .query(Integer.class).single()).isEqualTo(4);
    }
}
