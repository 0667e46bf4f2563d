package io.lormas.deploy.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.contracts.identity.Permissions;
import io.lormas.deploy.DeployApplication;
import io.lormas.deploy.support.ConsoleClient;
import io.lormas.deploy.support.DeployIT;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;
import io.lormas.platform.id.Ids;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.TestTokens;

@DeployIT
class ConsoleIT {

    @Autowired
    ApplicationContext context;
    @LocalServerPort
    int port;
    World world;
    SimulatedNode node;
    UUID serverId;
    final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void runningServer() {
        world = new World(context, port);
        node = world.node("n1", 8192, 10);
        serverId = world.createServer(world.egg(List.of()), world.plan(1024));
        world.awaitState(serverId, "stopped");
        world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "start"));
        world.awaitState(serverId, "running");
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
        world.close();
    }

    <T extends AutoCloseable> T open(T closeable) {
        open.add(closeable);
        return closeable;
    }

    @Test
    void sendsTheLastLinesOnConnectAndTheTokenMayComeInTheHeader() throws Exception {
        node.print(serverId.toString(), "line 1", "line 2");
        context.getBean(org.springframework.data.redis.core.StringRedisTemplate.class).opsForValue().set(
                "lormas:server:" + serverId + ":stats", "{\"event\":\"stats\",\"cpuPercent\":12.5}");

        ConsoleClient console = open(ConsoleClient.withHeader(port, serverId, world.owner()));

        console.await("last stats", f -> "stats".equals(f.path("event").asString())
                && f.path("cpuPercent").asDouble() == 12.5);
        console.await("recent lines", f -> "console".equals(f.path("event").asString())
                && f.path("lines").size() == 2 && "line 1".equals(f.path("lines").get(0).asString()));
        assertThat(console.frames.getFirst().path("event").asString()).isEqualTo("state");
    }

    @Test
    void letsASubuserWithoutControlCommandReadButNotSend() throws Exception {
        UUID reader = Ids.newId();
        world.grant(reader, serverId, Permissions.CONTROL_CONSOLE);
        ConsoleClient console = open(ConsoleClient.withQueryToken(port, serverId, World.customer(reader)));
        node.print(serverId.toString(), "visible to readers");
        console.awaitLine("visible to readers");

        console.input("op me");

        console.await("refusal", f -> "error".equals(f.path("event").asString())
                && f.path("message").asString().contains("control.command"));
        assertThat(node.deliveries(Action.CONSOLE_INPUT, serverId)).isEmpty();
    }

    @Test
    void answersBadFramesWithAnErrorAndKeepsTheConnection() throws Exception {
        ConsoleClient console = open(ConsoleClient.withQueryToken(port, serverId, world.owner()));

        console.sendRaw("not json");
        console.sendRaw("{\"event\":\"explode\"}");
        console.sendRaw("{\"event\":\"input\",\"data\":\"two\\nlines\"}");

        Awaits.until(World.TIMEOUT, "three errors", () -> console.frames.stream()
                .filter(f -> "error".equals(f.path("event").asString())).count() == 3);
        console.input("still works");
        node.awaitCommand(Action.CONSOLE_INPUT, serverId);
    }

    @Test
    void refusesInvalidTokensAtTheHandshake() {
        assertThatThrownBy(() -> ConsoleClient.withQueryToken(port, serverId,
                TestTokens.shared().user(world.ownerId).expired().sign())).hasMessageContaining("401");
        assertThatThrownBy(() -> ConsoleClient.withQueryToken(port, serverId,
                TestTokens.shared().user(world.ownerId).signedWithForeignKey().sign())).hasMessageContaining("401");
    }

    @Test
    void closesTheConnectionWhenTheGrantIsRevoked() throws Exception {
        UUID reader = Ids.newId();
        world.grant(reader, serverId, Permissions.CONTROL_CONSOLE);
        ConsoleClient console = open(ConsoleClient.withQueryToken(port, serverId, World.customer(reader)));
        console.await("state", f -> "state".equals(f.path("event").asString()));

        world.platform.publish(new io.lormas.contracts.identity.GrantRevoked(Ids.newId(), reader, "server", serverId));
        context.getBean(ConsoleHandler.class).recheck(); // the periodic re-check, run now

        Awaits.until(World.TIMEOUT, "closed with 4403", () -> {
            context.getBean(ConsoleHandler.class).recheck();
            return console.closeCode == 4403;
        });
    }

    @Test
    void worksWithTwoReplicas() throws Exception {
        ConfigurableApplicationContext second = secondReplica();
        open(second::close);
        int secondPort = ((WebServerApplicationContext) second).getWebServer().getPort();

        ConsoleClient first = open(ConsoleClient.withQueryToken(port, serverId, world.owner()));
        ConsoleClient other = open(ConsoleClient.withQueryToken(secondPort, serverId, world.owner()));
        first.await("connected", f -> "state".equals(f.path("event").asString()));
        other.await("connected", f -> "state".equals(f.path("event").asString()));

        node.print(serverId.toString(), "seen by both");
        first.awaitLine("seen by both");
        other.awaitLine("seen by both");

        other.input("from the second replica");
        Command input = node.awaitCommand(Action.CONSOLE_INPUT, serverId);
        assertThat(input.input()).isEqualTo("from the second replica");
        first.awaitLine("> from the second replica");

        world.api.post("/api/servers/" + serverId + "/power", world.owner(), Map.of("signal", "stop"));
        first.await("stopped on the first", f -> "stopped".equals(f.path("state").asString()));
        other.await("stopped on the second", f -> "stopped".equals(f.path("state").asString()));
    }

    /** Another deploy-service instance on the same database, Redis and Pulsar namespaces. */
    ConfigurableApplicationContext secondReplica() {
        Environment env = context.getEnvironment();
        List<String> args = new ArrayList<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.data.redis.host",
                "spring.data.redis.port", "lormas.pulsar.service-url", "lormas.pulsar.events-namespace",
                "lormas.pulsar.agents-namespace", "lormas.security.issuer", "lormas.security.jwk-set-uri",
                "lormas.crypto.keys.test", "lormas.crypto.active-key")) {
            args.add("--" + key + "=" + env.getRequiredProperty(key));
        }
        args.add("--spring.datasource.password=");
        args.add("--server.port=0");
        args.add("--lormas.deploy.reconcile.interval=1h");
        return new SpringApplicationBuilder(DeployApplication.class).run(args.toArray(String[]::new));
    }
}
