package io.lormas.node;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pulsar.client.api.PulsarClient;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.platform.id.Ids;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.testkit.RealInfrastructure;
import io.lormas.testkit.TestTokens;
import io.lormas.testkit.agent.SimulatedAgent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * node-service on a random port against real PostgreSQL, Redis and Pulsar, with identity-service faked at the
 * HTTP level; one Spring context shared by every IT class extending this. Heartbeats every second, so offline
 * detection takes seconds.
 */
@SpringBootTest(classes = NodeServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "lormas.node.presence.heartbeat-interval=1s",
                "lormas.node.presence.sweep-interval=200ms",
                "lormas.node.presence.full-scan-interval=2s",
                "lormas.node.presence.usage-flush-interval=500ms",
                "lormas.node.agent.session-check-interval=1s",
                "lormas.node.agent.max-frame-size=64KB",
                "lormas.node.registration.public-url=https://lormas.example.com",
                "lormas.node.identity.client-secret=" + FakeIdentity.CLIENT_SECRET,
                "lormas.node.identity.timeout=2s",
                "resilience4j.timelimiter.instances.identity.timeout-duration=3s",
                "resilience4j.circuitbreaker.instances.identity.minimum-number-of-calls=50",
        })
@RealInfrastructure
public abstract class NodeServiceTest {

    protected static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;
    @Autowired
    protected PulsarClient pulsar;
    @Autowired
    protected PulsarSettings pulsarSettings;
    @Autowired
    protected Outbox outbox;
    @Autowired
    protected TransactionTemplate transactions;
    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;
    protected EventTap events;
    protected final String admin = TestTokens.shared().user(UUID.randomUUID()).roles("admin").sign();

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        registry.add("lormas.node.identity.url", () -> FakeIdentity.shared().url());
    }

    @BeforeEach
    void connectTestClients() {
        api = new Api(port);
        events = EventTap.of(pulsar, pulsarSettings);
        FakeIdentity.shared().failing = false;
    }

    /** A region with a random code. */
    protected String region() {
        String code = "r-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Answer answer = api.post("/api/nodes/regions", admin, Map.of("code", code, "name", "Region " + code));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return code;
    }

    /** A valid node creation body in a new region. */
    protected Map<String, Object> nodeBody() {
        return Map.of("name", "node-" + UUID.randomUUID().toString().substring(0, 8), "region", region(),
                "fqdn", "node.example.com", "cpuMillis", 4000, "memoryMib", 8192, "diskMib", 102400,
                "portRanges", List.of(Map.of("ip", "203.0.113.10", "from", 25565, "to", 25600)));
    }

    /** Creates a node; the answer includes its registration token. */
    protected JsonNode createNode() {
        Api.Answer answer = api.post("/api/nodes", admin, nodeBody());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body();
    }

    /** A node whose agent registered (not connected yet). */
    protected UUID registeredNode() {
        JsonNode node = createNode();
        Api.Answer registered = api.post("/api/nodes/register", null,
                Map.of("token", node.path("registrationToken").asString(), "hostname", "host-1"));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return UUID.fromString(node.path("id").asString());
    }

    protected URI connectUrl() {
        return URI.create("ws://127.0.0.1:" + port + "/agent/connect");
    }

    /** An agent of the node with a valid agent token. */
    protected SimulatedAgent.Builder agent(UUID nodeId) {
        return SimulatedAgent.builder(connectUrl()).token(() -> TestTokens.shared().agent(nodeId).sign());
    }

    protected JsonNode node(UUID nodeId) {
        Api.Answer answer = api.get("/api/nodes/" + nodeId, admin);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        return answer.body();
    }

    /** Publishes a command the way deploy-service does: through the outbox to the node's topic. */
    protected Command sendCommand(UUID nodeId, Command.Action action, String serverId) {
        Command command = Command.of(Ids.newId().toString(), action, serverId, Instant.now());
        sendCommand(nodeId, command);
        return command;
    }

    protected void sendCommand(UUID nodeId, Command command) {
        transactions.executeWithoutResult(status -> outbox.send(UUID.fromString(command.id()),
                pulsarSettings.agentTopic(nodeId.toString()), command.serverId() == null ? nodeId.toString()
                        : command.serverId(),
                "agent.command." + command.action().name().toLowerCase(), AgentProtocol.encode(command)));
    }
}
