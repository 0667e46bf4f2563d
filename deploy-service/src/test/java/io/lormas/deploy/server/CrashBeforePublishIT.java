package io.lormas.deploy.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.agent.Command.Action;
import io.lormas.deploy.DeployApplication;
import io.lormas.deploy.egg.EggCatalog;
import io.lormas.deploy.node.NodeDirectory;
import io.lormas.deploy.node.NodeRow;
import io.lormas.deploy.plan.PlanCatalog;
import io.lormas.deploy.support.Api;
import io.lormas.deploy.support.Platform;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;
import io.lormas.platform.events.EventConsumers;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.InfrastructureContextCustomizerFactory;

/**
 * deploy-service dies after committing a server but before its outbox relay published the install command. A
 * restarted instance publishes it, and the agent gets it. When a relay publishes a command twice (it died between
 * the broker's acknowledgement and marking the row), the agent executes it once and the duplicate result changes
 * nothing.
 */
class CrashBeforePublishIT {

    private final Map<String, Object> infrastructure = new LinkedHashMap<>(
            InfrastructureContextCustomizerFactory.infrastructureProperties(true, true, true));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    private ConfigurableApplicationContext start(boolean relay) {
        List<String> args = new ArrayList<>();
        infrastructure.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--lormas.outbox.relay-enabled=" + relay);
        args.add("--lormas.deploy.reconcile.interval=1h");
        args.add("--spring.main.banner-mode=off");
        return new SpringApplicationBuilder(DeployApplication.class).run(args.toArray(String[]::new));
    }

    private static void awaitSubscribed(ConfigurableApplicationContext context) throws InterruptedException {
        assertThat(context.getBean(EventConsumers.class).awaitSubscribed(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void deliversTheCommandOnceAfterARestartBetweenCommitAndPublish() throws Exception {
        PulsarClient pulsar = PulsarClient.builder().serviceUrl(String.valueOf(infrastructure.get("lormas.pulsar.service-url")))
                .build();
        open.add(pulsar);

        // the first instance: commits, but its relay never publishes (it dies first)
        ConfigurableApplicationContext first = start(false);
        awaitSubscribed(first);
        PulsarSettings settings = first.getBean(PulsarSettings.class);
        Platform platform = new Platform(pulsar, settings, JsonMapper.builder().build());
        open.add(platform);
        SimulatedNode node = new SimulatedNode(platform, first.getBean(StringRedisTemplate.class), "n1", "eu-crash")
                .register(4000, 8192, 100_000, 25_000, 25_010);
        open.add(node);
        UUID eggId = platform.publishEgg(List.of());
        UUID planId = platform.publishPlan(500, 1024, 1024);
        Awaits.until(World.TIMEOUT, "projections", () -> first.getBean(NodeDirectory.class).find(node.nodeId)
                .map(NodeRow::online).orElse(false) && first.getBean(EggCatalog.class).latestAvailable(eggId).isPresent()
                && first.getBean(PlanCatalog.class).find(planId).isPresent());

        Api api = new Api(((WebServerApplicationContext) first).getWebServer().getPort());
        UUID ownerId = UUID.randomUUID();
        Api.Response created = api.post("/api/servers", World.customer(ownerId),
                World.newServer("survivor", eggId, planId, "eu-crash"));
        assertThat(created.status()).as(created.toString()).isEqualTo(202);
        UUID serverId = created.id();
        JdbcClient jdbc = JdbcClient.create(first.getBean(DataSource.class));
        UUID commandId = jdbc.sql("select id from server_command where server_id = ? and action = 'install'")
                .param(serverId).query(UUID.class).single();
        assertThat(jdbc.sql("select published_at is null from outbox_message where id = ?").param(commandId)
                .query(Boolean.class).single()).as("install command committed, not published").isTrue();
        assertThat(node.delivered).isEmpty();
        first.close(); // the process is gone; the row stays

        // a restarted instance publishes what was committed
        ConfigurableApplicationContext second = start(true);
        open.add(second);
        awaitSubscribed(second);
        node.awaitCommand(Action.INSTALL, serverId);
        assertThat(node.delivered.getFirst().id()).isEqualTo(commandId.toString());
        Api restarted = new Api(((WebServerApplicationContext) second).getWebServer().getPort());
        Awaits.until(World.TIMEOUT, "installed", () -> "stopped".equals(
                restarted.get("/api/servers/" + serverId, World.customer(ownerId)).text("state")));
        node.awaitCommand(Action.CREATE, serverId);

        // a relay that died between the broker's ack and its commit publishes the same command again
        JdbcClient again = JdbcClient.create(second.getBean(DataSource.class));
        again.sql("update outbox_message set published_at = null where id = ?").param(commandId).update();
        node.awaitCommand(Action.INSTALL, serverId, 2);
        Awaits.until(World.TIMEOUT, "duplicate answered", () -> again.sql(
                "select count(*) from inbox_message where event_type = 'node.agent.command-completed'")
                .query(Long.class).single() >= 3);

        assertThat(node.executed.stream().filter(c -> c.action() == Action.INSTALL).count()).isEqualTo(1);
        assertThat(again.sql("select count(*) from server_command where server_id = ? and action = 'create'")
                .param(serverId).query(Long.class).single()).as("the duplicate result issued nothing").isEqualTo(1);
        assertThat(again.sql("select count(*) from outbox_message where message_type = 'deploy.server.installed' "
                + "and message_key = ?").param(serverId.toString()).query(Long.class).single()).isEqualTo(1);
        assertThat(restarted.get("/api/servers/" + serverId, World.customer(ownerId)).text("state"))
                .isEqualTo("stopped");
    }
}
