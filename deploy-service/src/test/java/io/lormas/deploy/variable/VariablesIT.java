package io.lormas.deploy.variable;

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

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.deploy.support.Api;
import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;

@DeployIT
class VariablesIT {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    World world;
    SimulatedNode node;
    UUID serverId;

    @BeforeEach
    void stoppedServer() {
        world = new World(context, port);
        node = world.node("n1", 8192, 10);
        Map<String, Object> body = World.newServer("vars", world.egg(List.of()), world.plan(1024), world.region);
        body.put("variables", Map.of("MOTD", "Hello", "MAX_PLAYERS", "20", "RCON_PASSWORD", "hunter2-hunter2"));
        body.put("secretVariables", List.of("RCON_PASSWORD"));
        serverId = world.create(world.owner(), body).id();
        world.awaitState(serverId, "stopped");
    }

    @AfterEach
    void close() {
        world.close();
    }

    String path(String name) {
        return "/api/servers/" + serverId + "/variables/" + name;
    }

    @Test
    void encryptsSecretsAtRestAndMasksThemInEveryAnswer() {
        String stored = world.jdbc.sql("select value from server_variable where server_id = ? and name = 'RCON_PASSWORD'")
                .param(serverId).query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("hunter2");

        Api.Response list = world.api.get("/api/servers/" + serverId + "/variables", world.owner());
        assertThat(list.raw().body()).doesNotContain("hunter2").contains("\"RCON_PASSWORD\"");
        Api.Response set = world.api.put(path("API_TOKEN"), world.owner(), Map.of("value", "tok-123456", "secret", true));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.raw().body()).doesNotContain("tok-123456").contains("********");
        assertThat(world.api.get("/api/servers/" + serverId, world.owner()).raw().body()).doesNotContain("tok-123456");
        assertThat(world.api.get("/api/servers/admin/activity?serverId=" + serverId, World.admin()).raw().body())
                .doesNotContain("tok-123456").doesNotContain("hunter2");
    }

    @Test
    void validatesEggVariablesWithTheEggsRules() {
        Api.Response refused = world.api.put(path("MAX_PLAYERS"), world.owner(), Map.of("value", "500"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("errors").get(0).path("message").asString()).contains("MAX_PLAYERS").contains("100");

        assertThat(world.api.put(path("MAX_PLAYERS"), world.owner(), Map.of("value", "50")).status()).isEqualTo(200);
    }

    @Test
    void refusesReservedAndInvalidNamesAndRemovingEggVariables() {
        assertThat(world.api.put(path("SERVER_PORT"), world.owner(), Map.of("value", "1")).status()).isEqualTo(422);
        assertThat(world.api.put(path("lower-case"), world.owner(), Map.of("value", "1")).status()).isEqualTo(400);
        assertThat(world.api.delete(path("MOTD"), world.owner()).status()).isEqualTo(409);
        assertThat(world.api.delete(path("NOPE"), world.owner()).status()).isEqualTo(404);
        world.api.put(path("EXTRA"), world.owner(), Map.of("value", "1"));
        assertThat(world.api.delete(path("EXTRA"), world.owner()).status()).isEqualTo(204);
    }

    @Test
    void appliesChangesAtTheNextStartByRecreatingTheContainer() {
        world.api.put(path("MAX_PLAYERS"), world.owner(), Map.of("value", "64"));
        world.api.put(path("API_TOKEN"), world.owner(), Map.of("value", "tok-abcdef", "secret", true));

        world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "start"));

        Command create = node.awaitCommand(Action.CREATE, serverId, 2);
        assertThat(create.spec().environment()).containsEntry("MAX_PLAYERS", "64").containsEntry("API_TOKEN", "tok-abcdef");
        assertThat(create.spec().command().get(2)).contains("--players 64");
        node.awaitCommand(Action.START, serverId);
        world.awaitState(serverId, "running");
    }
}
