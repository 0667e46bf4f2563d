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
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.contracts.agent.ServerSpec;
import io.lormas.deploy.support.Api;
import io.lormas.deploy.support.ConsoleClient;
import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;
import io.lormas.testkit.Awaits;

@DeployIT
class ServerJourneyIT {

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

    @Test
    void takesAServerFromCreationThroughRunningAndConsoleToDeletionThroughEventsAndCommands() throws Exception {
        SimulatedNode node = world.node("n1", 8192, 10);
        UUID eggId = world.egg(List.of());
        UUID planId = world.plan(1024);

        Map<String, Object> body = World.newServer("My server", eggId, planId, world.region);
        body.put("variables", Map.of("MOTD", "Hello", "MAX_PLAYERS", "20", "RCON_PASSWORD", "s3cret-pass"));
        body.put("secretVariables", List.of("RCON_PASSWORD"));
        Api.Response created = world.api.post("/api/servers", world.owner(), body, "Idempotency-Key", "create-1",
                "X-Request-Id", "journey-create");
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        assertThat(created.text("state")).isEqualTo("installing");
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/servers/" + created.id());
        UUID serverId = created.id();

        // placed: node and port in the answer and in GET
        JsonNode server = world.api.get("/api/servers/" + serverId, world.owner()).body();
        assertThat(server.path("nodeId").asString()).isEqualTo(node.nodeId.toString());
        assertThat(server.path("ownerId").asString()).isEqualTo(world.ownerId.toString());
        assertThat(server.path("allocations").get(0).path("ip").asString()).isEqualTo("10.0.0.1");
        assertThat(server.path("allocations").get(0).path("port").asInt()).isEqualTo(20000);

        // the same Idempotency-Key gives the same answer, not a second server
        Api.Response again = world.api.post("/api/servers", world.owner(), body, "Idempotency-Key", "create-1");
        assertThat(again.id()).isEqualTo(serverId);
        assertThat(again.raw().headers().firstValue("Idempotent-Replayed")).hasValue("true");

        // the install command reaches the agent with everything it needs
        Command install = node.awaitCommand(Action.INSTALL, serverId);
        ServerSpec spec = install.spec();
        assertThat(spec.command()).containsExactly("/bin/sh", "-c",
                "./run --port 20000 --motd \"Hello\" --players 20");
        assertThat(spec.environment()).containsEntry("MOTD", "Hello").containsEntry("SERVER_PORT", "20000")
                .containsEntry("SERVER_IP", "10.0.0.1").containsEntry("SERVER_MEMORY", "1024")
                .containsEntry("RCON_PASSWORD", "s3cret-pass")
                .containsEntry("STARTUP", "./run --port 20000 --motd \"Hello\" --players 20");
        assertThat(spec.limits().memoryMib()).isEqualTo(1024);
        assertThat(spec.limits().cpuMillis()).isEqualTo(500);
        assertThat(spec.allocations()).containsExactly(new ServerSpec.Allocation("10.0.0.1", 20000));
        assertThat(spec.stop().type()).isEqualTo(ServerSpec.StopSpec.Type.COMMAND);
        assertThat(spec.stop().value()).isEqualTo("stop");
        assertThat(spec.install().script()).isEqualTo("echo installing");
        assertThat(spec.ownerId()).isEqualTo(world.ownerId.toString());

        // installed: stopped, and the container is created
        world.awaitState(serverId, "stopped");
        node.awaitCommand(Action.CREATE, serverId);

        // the secret never comes back
        Api.Response variables = world.api.get("/api/servers/" + serverId + "/variables", world.owner());
        assertThat(variables.raw().body()).doesNotContain("s3cret-pass").contains("********");

        // start -> running
        Api.Response start = world.api.post("/api/servers/" + serverId + "/power", world.owner(),
                Map.of("signal", "start"));
        assertThat(start.status()).as(start.toString()).isEqualTo(202);
        node.awaitCommand(Action.START, serverId);
        world.awaitState(serverId, "running");

        // console: last lines on connect, live lines, input as a command
        node.print(serverId.toString(), "booting", "Done (1.2s)!");
        try (ConsoleClient console = ConsoleClient.withQueryToken(port, serverId, world.owner())) {
            console.awaitLine("Done (1.2s)!");
            console.await("state frame", f -> "state".equals(f.path("event").asString())
                    && "running".equals(f.path("state").asString()));
            node.print(serverId.toString(), "player joined");
            console.awaitLine("player joined");
            console.input("say hello");
            Command input = node.awaitCommand(Action.CONSOLE_INPUT, serverId);
            assertThat(input.input()).isEqualTo("say hello");
            console.awaitLine("> say hello");

            // stop -> stopped, and the console hears it
            world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "stop"));
            node.awaitCommand(Action.STOP, serverId);
            world.awaitState(serverId, "stopped");
            console.await("stopped state frame", f -> "stopped".equals(f.path("state").asString()));
        }

        // delete -> gone
        Api.Response deleted = world.api.delete("/api/servers/" + serverId, world.owner());
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.text("state")).isEqualTo("deleting");
        node.awaitCommand(Action.DELETE, serverId);
        Awaits.until(World.TIMEOUT, "server gone", () -> world.api.get("/api/servers/" + serverId, world.owner())
                .status() == 404);
        Api.Response list = world.api.get("/api/servers", world.owner());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("items").isArray()).isTrue();
        assertThat(list.raw().body()).doesNotContain(serverId.toString());

        // what billing will meter from
        for (String type : List.of("deploy.server.created", "deploy.server.placed", "deploy.server.installed",
                "deploy.server.started", "deploy.server.stopped", "deploy.server.deleted")) {
            assertThat(world.outbox(type, serverId)).as(type).isEqualTo(1);
        }
        // resources and port are free again
        assertThat(world.jdbc.sql("select memory_used from node where node_id = ?").param(node.nodeId)
                .query(Long.class).single()).isZero();
        assertThat(world.jdbc.sql("select count(*) from allocation where node_id = ?").param(node.nodeId)
                .query(Long.class).single()).isZero();

        // the activity log kept who did what, from where, under which request id
        JsonNode activity = world.api.get("/api/servers/admin/activity?serverId=" + serverId, World.admin()).body();
        List<String> actions = activity.path("items").valueStream().map(i -> i.path("action").asString()).toList();
        assertThat(actions).contains("server.create", "server.power.start", "server.console.input",
                "server.power.stop", "server.delete");
        JsonNode create = activity.path("items").valueStream()
                .filter(i -> "server.create".equals(i.path("action").asString())).findFirst().orElseThrow();
        assertThat(create.path("actorId").asString()).isEqualTo(world.ownerId.toString());
        assertThat(create.path("requestId").asString()).isEqualTo("journey-create");
        assertThat(create.path("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(activity.toString()).doesNotContain("s3cret-pass");
    }

    @Test
    void staysStartingUntilTheServerPrintsItsStartupDoneText() {
        SimulatedNode node = world.node("n1", 8192, 10);
        UUID eggId = world.egg(List.of("Done ("));
        UUID planId = world.plan(1024);
        UUID serverId = world.createServer(eggId, planId);
        world.awaitState(serverId, "stopped");
        node.autoAnswer(false);

        world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "start"));
        Command start = node.awaitCommand(Action.START, serverId);
        node.execute(start); // started, but not ready yet
        Awaits.until(World.TIMEOUT, "start result applied", () -> world.jdbc.sql(
                "select status from server_command where id = ?::uuid").param(start.id()).query(String.class).single()
                .equals("succeeded"));
        assertThat(world.state(serverId)).isEqualTo("starting");

        node.container(serverId.toString(), io.lormas.contracts.agent.ContainerEvent.Kind.READY, null, false);

        world.awaitState(serverId, "running");
    }

    @Test
    void showsInstallFailedWhenTheScriptFailsAndInstallsAgainOnRequest() {
        SimulatedNode node = world.node("n1", 8192, 10);
        UUID eggId = world.egg(List.of());
        UUID planId = world.plan(1024);
        node.failNext(Action.INSTALL, "install_failed", "the install script exited with 1");

        UUID serverId = world.createServer(eggId, planId);

        world.awaitState(serverId, "install_failed");
        assertThat(world.outbox("deploy.server.install-failed", serverId)).isEqualTo(1);
        assertThat(world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "start"))
                .status()).isEqualTo(409);
        Api.Response reinstall = world.api.post("/api/servers/" + serverId + "/reinstall", world.owner(), Map.of());
        assertThat(reinstall.status()).isEqualTo(202);
        node.awaitCommand(Action.INSTALL, serverId, 2);
        world.awaitState(serverId, "stopped");
    }
}
