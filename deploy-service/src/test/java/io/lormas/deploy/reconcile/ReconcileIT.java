package io.lormas.deploy.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.deploy.support.Api;
import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;
import io.lormas.platform.id.Ids;
import io.lormas.testkit.Awaits;

/** Desired against actual: inventories, crashes, offline nodes, lost commands. */
@DeployIT
class ReconcileIT {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    World world;
    SimulatedNode node;
    UUID eggId;
    UUID planId;

    @BeforeEach
    void world() {
        world = new World(context, port);
        node = world.node("n1", 16 * 1024, 20);
        eggId = world.egg(List.of());
        planId = world.plan(1024);
    }

    @AfterEach
    void close() {
        world.close();
    }

    UUID running() {
        UUID serverId = world.createServer(eggId, planId);
        world.awaitState(serverId, "stopped");
        power(serverId, "start");
        world.awaitState(serverId, "running");
        return serverId;
    }

    Api.Response power(UUID serverId, String signal) {
        return world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", signal));
    }

    List<String> actions(UUID serverId) {
        JsonNode items = world.api.get("/api/servers/" + serverId + "/activity?limit=100", world.owner()).body()
                .path("items");
        return items.valueStream().map(i -> i.path("action").asString()).toList();
    }

    @Test
    void recreatesAndStartsAMissingContainerOfARunningServer() {
        UUID serverId = running();
        node.containers.remove(serverId.toString()); // removed by hand on the node

        node.reportInventory();

        node.awaitCommand(Action.CREATE, serverId, 2);
        node.awaitCommand(Action.START, serverId, 2);
        world.awaitState(serverId, "running");
        assertThat(node.containers).containsEntry(serverId.toString(), "running");
        assertThat(actions(serverId)).contains("server.reconcile");
    }

    @Test
    void stopsAndReportsAnUnknownContainerWithLormasLabels() {
        String stranger = Ids.newId().toString();
        node.containers.put(stranger, "running");

        node.reportInventory();

        Awaits.until(World.TIMEOUT, "stop of the unknown container", () -> node.delivered.stream()
                .anyMatch(c -> c.action() == Action.STOP && stranger.equals(c.serverId())));
        JsonNode report = world.api.get("/api/servers/admin/activity?action=node.unknown-container&limit=100",
                World.admin()).body();
        assertThat(report.path("items").valueStream().filter(i -> stranger.equals(i.path("details").path("serverId")
                .asString())).findFirst()).hasValueSatisfying(entry -> {
                    assertThat(entry.path("details").path("nodeId").asString()).isEqualTo(node.nodeId.toString());
                    assertThat(entry.path("details").path("stopped").asBoolean()).isTrue();
                });
        assertThat(world.api.get("/api/servers/admin/activity", world.owner()).status()).isEqualTo(403);
    }

    @Test
    void restartsACrashedServerWithBackoffAndGivesUpInACrashLoop() {
        UUID serverId = running();

        for (int crash = 1; crash <= 3; crash++) {
            node.crash(serverId.toString(), 1);
            node.awaitCommand(Action.START, serverId, crash + 1); // restarted after 300 ms, 600 ms, 1.2 s
            world.awaitState(serverId, "running");
        }
        node.crash(serverId.toString(), 137);

        world.awaitState(serverId, "crashed");
        JsonNode server = world.api.get("/api/servers/" + serverId, world.owner()).body();
        assertThat(server.path("crashCount").asInt()).isEqualTo(4);
        assertThat(server.path("nextRestartAt").isNull()).isTrue();
        assertThat(world.outbox("deploy.server.crashed", serverId)).isEqualTo(4);
        assertThat(node.deliveries(Action.START, serverId)).hasSize(4);
        // the owner may still start it by hand
        assertThat(power(serverId, "start").status()).isEqualTo(202);
        world.awaitState(serverId, "running");
    }

    @Test
    void showsNodeOfflineWhileTheNodeIsGoneAndComesBack() {
        UUID serverId = running();

        node.disconnect();
        world.awaitState(serverId, "node_offline");
        Api.Response refused = power(serverId, "stop");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("offline");
        assertThat(world.api.get("/api/servers/" + serverId, world.owner()).status()).as("not lost").isEqualTo(200);

        node.connect();
        node.reportInventory();

        world.awaitState(serverId, "running");
        assertThat(power(serverId, "stop").status()).isEqualTo(202);
        world.awaitState(serverId, "stopped");
    }

    @Test
    void treatsAContainerFoundExitedUnderARunningServerAsACrashAndRestartsIt() {
        UUID serverId = running();
        node.disconnect();
        world.awaitState(serverId, "node_offline");
        node.containers.put(serverId.toString(), "exited"); // the node rebooted

        node.connect();
        node.reportInventory();

        node.awaitCommand(Action.START, serverId, 2);
        world.awaitState(serverId, "running");
        assertThat(world.outbox("deploy.server.crashed", serverId)).isEqualTo(1);
    }

    @Test
    void asksOnlineNodesForTheirInventoryPeriodically() {
        world.jdbc.sql("update node set last_reconcile_requested_at = now() - interval '2 hours' where node_id = ?")
                .param(node.nodeId).update();

        Awaits.until(World.TIMEOUT, "reconcile requested", () -> node.last(Action.RECONCILE).isPresent());
    }

    @Test
    void givesUpOnACommandWithoutResultAndGoesBackToWhatTheServerWasDoing() {
        UUID serverId = world.createServer(eggId, planId);
        world.awaitState(serverId, "stopped");
        node.autoAnswer(false);
        power(serverId, "start");
        Command start = node.awaitCommand(Action.START, serverId);
        assertThat(world.state(serverId)).isEqualTo("starting");

        world.jdbc.sql("update server_command set issued_at = now() - interval '11 minutes' where id = ?::uuid")
                .param(start.id()).update();

        world.awaitState(serverId, "stopped");
        assertThat(actions(serverId)).contains("server.command.timed-out");
        node.autoAnswer(true);
    }
}
