package io.lormas.deploy.server;

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

import io.lormas.contracts.agent.Command.Action;
import io.lormas.contracts.identity.UserDeleted;
import io.lormas.contracts.identity.UserSuspended;
import io.lormas.contracts.identity.UserUnsuspended;
import io.lormas.deploy.support.Api;
import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;

@DeployIT
class SuspensionIT {

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
        node = world.node("n1", 8192, 10);
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
        world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "start"));
        world.awaitState(serverId, "running");
        return serverId;
    }

    @Test
    void anAdminSuspendsAndResumesAServer() {
        UUID serverId = running();

        Api.Response suspended = world.api.post("/api/servers/" + serverId + "/suspend", World.admin(),
                Map.of("reason", "abuse report"));

        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.text("state")).isEqualTo("suspended");
        node.awaitCommand(Action.STOP, serverId);
        Api.Response start = world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "start"));
        assertThat(start.status()).isEqualTo(409);
        assertThat(start.text("detail")).contains("suspended (abuse report)");
        assertThat(world.outbox("deploy.server.suspended", serverId)).isEqualTo(1);

        Api.Response resumed = world.api.post("/api/servers/" + serverId + "/resume", World.admin(), Map.of());
        assertThat(resumed.status()).isEqualTo(200);
        world.awaitState(serverId, "stopped");
        assertThat(world.outbox("deploy.server.resumed", serverId)).isEqualTo(1);
    }

    @Test
    void suspendsTheServersOfASuspendedOwnerAndResumesThemWithTheAccount() {
        UUID first = running();
        UUID second = world.createServer(eggId, planId);
        world.awaitState(second, "stopped");

        world.platform.publish(new UserSuspended(world.ownerId, "unpaid"));

        world.awaitState(first, "suspended");
        world.awaitState(second, "suspended");
        node.awaitCommand(Action.STOP, first);
        assertThat(world.create(world.owner(), World.newServer("more", eggId, planId, world.region)).status())
                .isEqualTo(409);

        world.platform.publish(new UserUnsuspended(world.ownerId));

        world.awaitState(first, "stopped");
        world.awaitState(second, "stopped");
    }

    @Test
    void keepsTheServersOfADeletedOwnerSuspendedForAnAdminToDecide() {
        UUID serverId = running();

        world.platform.publish(new UserDeleted(world.ownerId));

        world.awaitState(serverId, "suspended");
        assertThat(world.api.get("/api/servers/" + serverId, World.admin()).text("suspensionReason"))
                .isEqualTo("owner-deleted");
    }
}
