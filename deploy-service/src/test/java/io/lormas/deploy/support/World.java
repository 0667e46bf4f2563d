package io.lormas.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pulsar.client.api.PulsarClient;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.identity.Permissions;
import io.lormas.deploy.egg.EggCatalog;
import io.lormas.deploy.node.NodeDirectory;
import io.lormas.deploy.node.NodeRow;
import io.lormas.deploy.plan.PlanCatalog;
import io.lormas.platform.events.EventConsumers;
import io.lormas.platform.id.Ids;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.TestTokens;

/**
 * A test's view of the platform around deploy-service: the other services' events ({@link Platform}), simulated
 * nodes, tokens, the HTTP API and a few awaits. Each test makes its own region, nodes, egg, plan and users, so
 * tests sharing one context never see each other's servers.
 */
public final class World implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    public final Platform platform;
    public final Api api;
    public final String region = "r-" + UUID.randomUUID().toString().substring(0, 8);
    public final UUID ownerId = Ids.newId();
    public final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final NodeDirectory nodes;
    private final EggCatalog eggs;
    private final PlanCatalog plans;
    private final List<SimulatedNode> created = new ArrayList<>();

    public World(ApplicationContext context, int port) {
        this.platform = new Platform(context.getBean(PulsarClient.class), context.getBean(PulsarSettings.class),
                context.getBean(JsonMapper.class));
        this.api = new Api(port);
        this.redis = context.getBean(StringRedisTemplate.class);
        this.nodes = context.getBean(NodeDirectory.class);
        this.eggs = context.getBean(EggCatalog.class);
        this.plans = context.getBean(PlanCatalog.class);
        this.jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
        try {
            assertThat(context.getBean(EventConsumers.class).awaitSubscribed(Duration.ofSeconds(60))).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ tokens

    /** A customer with the account permissions customers hold. */
    public static String customer(UUID userId) {
        return TestTokens.shared().user(userId).roles("customer").permissions(Permissions.SERVERS_READ,
                Permissions.SERVERS_CREATE, Permissions.SERVERS_UPDATE, Permissions.SERVERS_DELETE).sign();
    }

    public String owner() {
        return customer(ownerId);
    }

    public static String admin() {
        return TestTokens.shared().user(Ids.newId()).roles("admin").sign();
    }

    // ------------------------------------------------------------------ the platform around

    /** A node online in this world's region, known to deploy-service. */
    public SimulatedNode node(String name, long memoryMib, int ports) {
        SimulatedNode node = new SimulatedNode(platform, redis, name, region).register(64_000, memoryMib, 100_000, 20_000,
                20_000 + ports - 1);
        created.add(node);
        Awaits.until(TIMEOUT, "node " + name + " online", () -> nodes.find(node.nodeId).map(NodeRow::online)
                .orElse(false));
        return node;
    }

    public UUID egg(List<String> startupDone) {
        UUID eggId = platform.publishEgg(startupDone);
        Awaits.until(TIMEOUT, "egg " + eggId + " known", () -> eggs.latestAvailable(eggId).isPresent());
        return eggId;
    }

    public UUID plan(long memoryMib) {
        UUID planId = platform.publishPlan(500, memoryMib, 1024);
        Awaits.until(TIMEOUT, "plan " + planId + " known", () -> plans.find(planId).isPresent());
        return planId;
    }

    public void grant(UUID userId, UUID serverId, String... permissions) {
        platform.grant(userId, serverId, ownerId, java.util.Set.of(permissions));
        Awaits.until(TIMEOUT, "grant of " + userId + " known", () -> jdbc.sql(
                "select count(*) from resource_grant where user_id = ? and resource_id = ?")
                .params(userId, serverId).query(Long.class).single() == 1);
    }

    // ------------------------------------------------------------------ servers

    public static Map<String, Object> newServer(String name, UUID eggId, UUID planId, String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("eggId", eggId.toString());
        body.put("planId", planId.toString());
        body.put("region", region);
        body.put("variables", Map.of("MOTD", "Hello", "MAX_PLAYERS", "20"));
        return body;
    }

    public Api.Response create(String token, Map<String, Object> body) {
        return api.post("/api/servers", token, body);
    }

    /** Creates a server as the owner and returns its id (asserts 202). */
    public UUID createServer(UUID eggId, UUID planId) {
        Api.Response response = create(owner(), newServer("srv-" + UUID.randomUUID().toString().substring(0, 6), eggId,
                planId, region));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.id();
    }

    public String state(UUID serverId) {
        Api.Response response = api.get("/api/servers/" + serverId, admin());
        return response.status() == 404 ? "gone" : response.text("state");
    }

    public void awaitState(UUID serverId, String state) {
        Awaits.until(TIMEOUT, "server " + serverId + " " + state, () -> state.equals(state(serverId)));
    }

    /** Outbox rows of a type for one key (what deploy-service published or will publish). */
    public long outbox(String type, UUID key) {
        return jdbc.sql("select count(*) from outbox_message where message_type = ? and message_key = ?")
                .params(type, key.toString()).query(Long.class).single();
    }

    @Override
    public void close() {
        created.forEach(SimulatedNode::close);
        platform.close();
    }
}
