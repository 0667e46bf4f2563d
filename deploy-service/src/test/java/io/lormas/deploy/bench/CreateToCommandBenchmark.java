package io.lormas.deploy.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pulsar.client.api.PulsarClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.agent.Command;
import io.lormas.deploy.DeployApplication;
import io.lormas.deploy.egg.EggCatalog;
import io.lormas.deploy.node.NodeDirectory;
import io.lormas.deploy.node.NodeRow;
import io.lormas.deploy.plan.PlanCatalog;
import io.lormas.deploy.support.Platform;
import io.lormas.deploy.support.SimulatedNode;
import io.lormas.deploy.support.World;
import io.lormas.platform.events.EventConsumers;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.testkit.Awaits;
import io.lormas.testkit.InfrastructureContextCustomizerFactory;

/**
 * Create-server to install-command-delivered, through the real service, PostgreSQL and Pulsar: {@code writers}
 * clients create servers as fast as they can (closed loop) for {@code seconds} after a warm-up; simulated agents
 * time the arrival of each install command. Prints creates per second, deliveries per second, the create API's
 * latency percentiles and the create-to-delivery latency. Asserts nothing.
 * <pre>
 * ./mvnw -o -pl deploy-service test-compile exec:exec -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.lormas.deploy.bench.CreateToCommandBenchmark" \
 *     [-Dbench.seconds=20 -Dbench.writers=32 -Dbench.nodes=20]
 * </pre>
 */
public final class CreateToCommandBenchmark {

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int writers = Integer.getInteger("bench.writers", 32);
        int nodeCount = Integer.getInteger("bench.nodes", 20);
        String strategy = System.getProperty("bench.strategy", "bin-pack");

        List<String> properties = new ArrayList<>();
        InfrastructureContextCustomizerFactory.infrastructureProperties(true, true, true)
                .forEach((key, value) -> properties.add("--" + key + "=" + value));
        properties.addAll(List.of("--server.port=0", "--logging.level.root=WARN", "--logging.level.io.lormas=WARN",
                "--lormas.deploy.reconcile.interval=1h", "--lormas.deploy.scheduler.strategy=" + strategy,
                "--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 16)));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DeployApplication.class)
                .run(properties.toArray(String[]::new));
        try {
            run(context, seconds, warmup, writers, nodeCount, strategy);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int seconds, int warmup, int writers, int nodeCount,
            String strategy) throws Exception {
        context.getBean(EventConsumers.class).awaitSubscribed(Duration.ofSeconds(60));
        PulsarSettings settings = context.getBean(PulsarSettings.class);
        PulsarClient pulsar = PulsarClient.builder().serviceUrl(settings.url()).ioThreads(2).listenerThreads(4).build();
        Platform platform = new Platform(pulsar, settings, JsonMapper.builder().build());
        StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);

        Map<String, Long> startedAt = new ConcurrentHashMap<>();
        Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicInteger delivered = new AtomicInteger();
        long[] endToEnd = new long[5_000_000];
        AtomicInteger endToEndCount = new AtomicInteger();
        List<SimulatedNode> nodes = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            SimulatedNode node = new SimulatedNode(platform, redis, "bench-" + i, "bench-1");
            node.autoAnswer(false);
            node.recordDeliveries = false;
            node.onDelivery = command -> {
                if (command.action() != Command.Action.INSTALL) {
                    return;
                }
                long now = System.nanoTime();
                if (measuring.get()) {
                    delivered.incrementAndGet();
                }
                // the command may arrive before the create's answer has been read: whichever comes second measures
                Long start = startedAt.remove(command.serverId());
                if (start == null) {
                    deliveredAt.put(command.serverId(), now);
                } else if (measuring.get()) {
                    record(endToEnd, endToEndCount, now - start);
                }
            };
            node.register(10_000_000, 100_000_000, 1_000_000_000, 1024, 65535);
            nodes.add(node);
        }
        UUID eggId = platform.publishEgg(List.of());
        UUID planId = platform.publishPlan(100, 128, 256);
        NodeDirectory directory = context.getBean(NodeDirectory.class);
        Awaits.until(Duration.ofSeconds(60), "fleet ready", () -> nodes.stream()
                .allMatch(n -> directory.find(n.nodeId).map(NodeRow::online).orElse(false))
                && context.getBean(EggCatalog.class).latestAvailable(eggId).isPresent()
                && context.getBean(PlanCatalog.class).find(planId).isPresent());

        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        JsonMapper json = JsonMapper.builder().build();
        UUID owner = UUID.randomUUID();
        String token = World.customer(owner);
        byte[] body = json.writeValueAsBytes(World.newServer("bench", eggId, planId, "bench-1"));
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/servers");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong firstFailure = new AtomicLong();
        long[] latencies = new long[5_000_000];
        AtomicInteger latencyCount = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            Thread.ofPlatform().daemon().start(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() == 202) {
                            JsonNode answer = json.readTree(response.body());
                            String serverId = answer.path("id").asString();
                            Long arrived = deliveredAt.remove(serverId);
                            if (arrived == null) {
                                startedAt.put(serverId, start);
                            } else if (measuring.get()) {
                                record(endToEnd, endToEndCount, arrived - start);
                            }
                            if (measuring.get()) {
                                created.incrementAndGet();
                                int slot = latencyCount.getAndIncrement();
                                if (slot < latencies.length) {
                                    latencies[slot] = took;
                                }
                            }
                        } else if (failed.incrementAndGet() == 1) {
                            firstFailure.set(response.statusCode());
                            System.out.println("first failure: " + response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
                done.countDown();
            });
        }
        Thread.sleep(warmup * 1000L);
        measuring.set(true);
        long from = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        double window = (System.nanoTime() - from) / 1e9;
        running.set(false);
        done.await();

        int n = Math.min(latencyCount.get(), latencies.length);
        long[] api = Arrays.copyOf(latencies, n);
        Arrays.sort(api);
        int e = Math.min(endToEndCount.get(), endToEnd.length);
        long[] e2e = Arrays.copyOf(endToEnd, e);
        Arrays.sort(e2e);
        System.out.printf("%ncreate-server -> install command delivered (%d writers, %d nodes, %s, %d s after %d s warm-up)%n",
                writers, nodeCount, strategy, seconds, warmup);
        System.out.printf("creates accepted:   %,10.0f /s  (%d, %d failed)%n", created.get() / window, created.get(),
                failed.get());
        System.out.printf("commands delivered: %,10.0f /s  (%d)%n", delivered.get() / window, delivered.get());
        System.out.printf("create API latency: p50 %s  p95 %s  p99 %s  max %s%n", ms(api, 0.50), ms(api, 0.95),
                ms(api, 0.99), ms(api, 1.0));
        System.out.printf("create->delivered:  p50 %s  p95 %s  p99 %s  max %s%n", ms(e2e, 0.50), ms(e2e, 0.95),
                ms(e2e, 0.99), ms(e2e, 1.0));
        nodes.forEach(SimulatedNode::close);
        platform.close();
        pulsar.close();
    }

    private static void record(long[] into, AtomicInteger count, long nanos) {
        int slot = count.getAndIncrement();
        if (slot < into.length) {
            into[slot] = nanos;
        }
    }

    private static String ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return "-";
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return String.format("%.1f ms", sorted[Math.max(0, index)] / 1e6);
    }
}
