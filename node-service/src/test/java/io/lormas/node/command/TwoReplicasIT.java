package io.lormas.node.command;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.node.Api;
import io.lormas.node.EventTap;
import io.lormas.node.FakeIdentity;
import io.lormas.node.NodeServiceApplication;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.InfrastructureContextCustomizerFactory;
import io.lormas.testkit.TestTokens;
import io.lormas.testkit.agent.Reply;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two node-service replicas (two Spring contexts) on one database, one Redis and one pair of Pulsar namespaces.
 * An agent is served by whichever replica it is connected to; when that replica goes away the agent reconnects
 * to the other one and gets what was pending.
 */
class TwoReplicasIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ConfigurableApplicationContext replicaA;
    private ConfigurableApplicationContext replicaB;

    private static ConfigurableApplicationContext start(Map<String, Object> infrastructure) {
        Map<String, Object> properties = new HashMap<>(infrastructure);
        properties.put("server.port", "0");
        properties.put("lormas.node.presence.heartbeat-interval", "1s");
        properties.put("lormas.node.presence.sweep-interval", "200ms");
        properties.put("lormas.node.agent.session-check-interval", "1s");
        properties.put("lormas.node.identity.url", FakeIdentity.shared().url());
        properties.put("lormas.node.identity.client-secret", FakeIdentity.CLIENT_SECRET);
        // as arguments: they must win over application.yaml (builder properties are only defaults)
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(NodeServiceApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @AfterEach
    void stopReplicas() {
        if (replicaA != null && replicaA.isActive()) {
            replicaA.close();
        }
        if (replicaB != null && replicaB.isActive()) {
            replicaB.close();
        }
    }

    @Test
    void anAgentsPendingCommandsFollowItToTheOtherReplica() {
        Map<String, Object> infrastructure = InfrastructureContextCustomizerFactory.infrastructureProperties(true, true,
                true);
        replicaA = start(infrastructure);
        replicaB = start(infrastructure);
        EventTap events = EventTap.of(replicaB.getBean(PulsarClient.class), replicaB.getBean(PulsarSettings.class));
        String admin = TestTokens.shared().user(UUID.randomUUID()).roles("admin").sign();
        Api api = new Api(port(replicaB));
        assertThat(api.post("/api/nodes/regions", admin, Map.of("code", "two", "name", "Two")).status()).isEqualTo(201);
        JsonNode node = api.post("/api/nodes", admin, Map.of("name", "n1", "region", "two", "fqdn", "n1.example.com",
                "cpuMillis", 1000, "memoryMib", 1024, "diskMib", 10240, "portRanges", List.of())).body();
        UUID nodeId = UUID.fromString(node.path("id").asString());
        assertThat(api.post("/api/nodes/register", null, Map.of("token", node.path("registrationToken").asString(),
                "hostname", "h")).status()).isEqualTo(201);
        String serverId = UUID.randomUUID().toString();
        AtomicBoolean answering = new AtomicBoolean(true);
        SimulatedAgent agent = SimulatedAgent.builder(List.of(
                        URI.create("ws://127.0.0.1:" + port(replicaA) + "/agent/connect"),
                        URI.create("ws://127.0.0.1:" + port(replicaB) + "/agent/connect")))
                .token(() -> TestTokens.shared().agent(nodeId).sign())
                .reconnect(Duration.ofMillis(100))
                .commands(command -> answering.get() ? Reply.success(command.id()) : Reply.none())
                .build();
        try {
            long epochAtA = agent.connect(WAIT).sessionEpoch(); // the first endpoint: replica A
            Command first = send(nodeId, serverId, Command.Action.START);
            events.await("node.agent.command-completed", serverId, p -> p.path("commandId").asString()
                    .equals(first.id()), WAIT);
            answering.set(false);
            Command pending = send(nodeId, serverId, Command.Action.STOP);
            agent.awaitCommand(pending.id(), WAIT); // acked at A, never answered there
            answering.set(true);

            replicaA.close(); // the replica holding the session goes away

            long epochAtB = agent.awaitNewSession(epochAtA, WAIT).sessionEpoch();
            assertThat(epochAtB).isGreaterThan(epochAtA);
            Awaits.until(WAIT, "the pending command at B", () -> agent.deliveries(pending.id()) == 2);
            events.await("node.agent.command-completed", serverId, p -> p.path("commandId").asString()
                    .equals(pending.id()), WAIT);
            Command afterwards = send(nodeId, serverId, Command.Action.RESTART);
            events.await("node.agent.command-completed", serverId, p -> p.path("commandId").asString()
                    .equals(afterwards.id()), WAIT);
            assertThat(agent.deliveries(first.id())).as("answered commands are not delivered again").isEqualTo(1);
            assertThat(new Api(port(replicaB)).get("/api/nodes/" + nodeId, admin).body().path("online").asBoolean())
                    .isTrue();
        } finally {
            agent.close();
        }
    }

    @Test
    void aSessionAtOneReplicaReplacesASessionAtTheOther() {
        Map<String, Object> infrastructure = InfrastructureContextCustomizerFactory.infrastructureProperties(true, true,
                true);
        replicaA = start(infrastructure);
        replicaB = start(infrastructure);
        EventTap events = EventTap.of(replicaB.getBean(PulsarClient.class), replicaB.getBean(PulsarSettings.class));
        String admin = TestTokens.shared().user(UUID.randomUUID()).roles("admin").sign();
        Api api = new Api(port(replicaA));
        api.post("/api/nodes/regions", admin, Map.of("code", "two", "name", "Two"));
        JsonNode node = api.post("/api/nodes", admin, Map.of("name", "n2", "region", "two", "fqdn", "n2.example.com",
                "cpuMillis", 1000, "memoryMib", 1024, "diskMib", 10240)).body();
        UUID nodeId = UUID.fromString(node.path("id").asString());
        String serverId = UUID.randomUUID().toString();
        try (SimulatedAgent atA = SimulatedAgent.builder(URI.create("ws://127.0.0.1:" + port(replicaA)
                        + "/agent/connect")).token(() -> TestTokens.shared().agent(nodeId).sign()).build();
                SimulatedAgent atB = SimulatedAgent.builder(URI.create("ws://127.0.0.1:" + port(replicaB)
                        + "/agent/connect")).token(() -> TestTokens.shared().agent(nodeId).sign()).build()) {
            atA.connect(WAIT);

            atB.connect(WAIT);

            assertThat(atA.awaitError("stale_session", WAIT)).isNotNull();
            assertThat(atA.awaitClose(WAIT).code()).isEqualTo(4001);
            Command command = send(nodeId, serverId, Command.Action.START);
            atB.awaitCommand(command.id(), WAIT);
            events.await("node.agent.command-completed", serverId, p -> p.path("commandId").asString()
                    .equals(command.id()), WAIT);
            assertThat(atA.deliveries(command.id())).isZero();
        }
    }

    private Command send(UUID nodeId, String serverId, Command.Action action) {
        Command command = Command.of(Ids.newId().toString(), action, serverId, Instant.now());
        PulsarSettings pulsar = replicaB.getBean(PulsarSettings.class);
        replicaB.getBean(TransactionTemplate.class).executeWithoutResult(status -> replicaB.getBean(Outbox.class)
                .send(UUID.fromString(command.id()), pulsar.agentTopic(nodeId.toString()), serverId,
                        "agent.command." + action.name().toLowerCase(), AgentProtocol.encode(command)));
        return command;
    }
}
