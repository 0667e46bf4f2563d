package io.lormas.node.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.Topics;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.testkit.Ports;
import io.lormas.testkit.PostgresServer;
import io.lormas.testkit.PulsarBroker;
import io.lormas.testkit.RedisServer;
import io.lormas.testkit.TestTokens;
import io.lormas.testkit.agent.AgentFleet;
import io.lormas.testkit.agent.SimulatedAgent;

/**
 * Simulated agents against one node-service in its own JVM (real PostgreSQL, Redis and a private Pulsar broker),
 * heartbeats every 10 s. Measures the connect rate, heartbeat handling p50/p99 (node-service's own timer: Redis
 * presence), heap per connection (node-service's heap after a full GC, with and without the sessions), how many
 * agents stay connected, and the command round trip (published to the node's topic until
 * {@code AgentCommandCompleted} arrives) at a fixed rate. Prints figures, asserts nothing.
 * <pre>
 * ./mvnw -o -pl node-service test-compile exec:exec \
 *     -Dbench.args="-Dbench.agents=10000 -Dbench.commandRate=1000 -Dbench.commandSeconds=30"
 * </pre>
 * Properties: {@code bench.agents} (10000), {@code bench.connectConcurrency} (200), {@code bench.holdSeconds}
 * (40), {@code bench.heartbeat} (10s), {@code bench.commandRate} (1000/s), {@code bench.commandSeconds} (30),
 * {@code bench.commandNodes} (1000), {@code bench.serviceHeap} (1g), {@code bench.apiNodes} (500: nodes created
 * through the API, the rest inserted directly), {@code bench.histogram} and {@code bench.jfr} (diagnostics of
 * node-service into target/bench).
 */
public final class AgentLoadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int agents = Integer.getInteger("bench.agents", 10_000);
    private final int connectConcurrency = Integer.getInteger("bench.connectConcurrency", 200);
    private final int holdSeconds = Integer.getInteger("bench.holdSeconds", 40);
    private final String heartbeat = System.getProperty("bench.heartbeat", "10s");
    private final int commandRate = Integer.getInteger("bench.commandRate", 1000);
    private final int commandSeconds = Integer.getInteger("bench.commandSeconds", 30);
    private final int commandNodes = Integer.getInteger("bench.commandNodes", 1000);
    private final String serviceHeap = System.getProperty("bench.serviceHeap", "1g");
    private final int apiNodes = Integer.getInteger("bench.apiNodes", 500);
    private final String admin = TestTokens.shared().user(UUID.randomUUID()).roles("admin").lifetime(Duration.ofHours(4))
            .sign();

    private Process service;
    private String base;

    public static void main(String[] args) throws Exception {
        // figures only: the clients' own logging would drown them
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        new AgentLoadBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path work = Path.of("target/bench");
        Files.createDirectories(work);
        System.out.printf("== node-service agent benchmark: %d agents, heartbeats every %s, commands %d/s for %d s ==%n",
                agents, heartbeat, commandRate, commandSeconds);
        System.out.println("starting a private Pulsar broker, a database and node-service (-Xmx" + serviceHeap + ") ...");
        PulsarBroker broker = PulsarBroker.dedicated(work.resolve("pulsar").toAbsolutePath());
        try {
            String events = broker.createNamespace("events");
            String agentsNamespace = broker.createNamespace("agents");
            PostgresServer.Database database = PostgresServer.get().createDatabase();
            int port = Ports.free();
            base = "http://127.0.0.1:" + port;
            service = startService(work, port, database, broker, events, agentsNamespace);
            awaitReady();
            try (PulsarClient pulsar = PulsarClient.builder().serviceUrl(broker.brokerUrl()).ioThreads(2)
                    .listenerThreads(2).build(); AgentFleet fleet = new AgentFleet(4)) {
                measure(pulsar, fleet, database, events, agentsNamespace);
            }
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor(30, TimeUnit.SECONDS);
            }
            broker.stop();
        }
    }

    private void measure(PulsarClient pulsar, AgentFleet fleet, PostgresServer.Database database, String events,
            String agentsNamespace) throws Exception {
        // --- nodes ---------------------------------------------------------------------------------------------
        post("/api/nodes/regions", Map.of("code", "bench", "name", "Bench"));
        long createStart = System.nanoTime();
        int throughApi = Math.min(agents, apiNodes);
        List<UUID> nodes = new ArrayList<>(createNodes(throughApi));
        double createSeconds = seconds(createStart);
        System.out.printf("created %d nodes through the API in %.1f s (%.0f/s)%n", nodes.size(), createSeconds,
                nodes.size() / createSeconds);
        try (var connection = PostgresServer.get().connect(database); var statement = connection.createStatement()) {
            statement.execute("update node set registered_at = now(), hostname = 'bench'"); // as if registered
            if (agents > throughApi) {
                // the rest straight into the table: the API's rate is known by now
                try (var rows = statement.executeQuery("""
                        insert into node (id, name, region_id, fqdn, cpu_millis, memory_mib, disk_mib, registered_at,
                                          hostname)
                        select gen_random_uuid(), 'bench-sql-' || i, r.id, 'bench-sql-' || i || '.example.com',
                               8000, 16384, 204800, now(), 'bench'
                        from generate_series(1, %d) i, region r
                        where r.code = 'bench'
                        returning id
                        """.formatted(agents - throughApi))) {
                    while (rows.next()) {
                        nodes.add(rows.getObject(1, UUID.class));
                    }
                }
                System.out.printf("inserted %d more nodes into the database directly%n", agents - throughApi);
            }
        }
        long heapBase = heapAfterGc();
        histogram("histogram-without-sessions.txt");

        // --- connect -------------------------------------------------------------------------------------------
        URI connect = URI.create(base.replace("http:", "ws:") + "/agent/connect");
        List<SimulatedAgent> fleetAgents = new ArrayList<>(nodes.size());
        long[] connectNanos = new long[nodes.size()];
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore inFlight = new Semaphore(connectConcurrency);
        CountDownLatch done = new CountDownLatch(nodes.size());
        long connectStart = System.nanoTime();
        for (int i = 0; i < nodes.size(); i++) {
            UUID nodeId = nodes.get(i);
            String token = TestTokens.shared().agent(nodeId).lifetime(Duration.ofHours(4)).sign();
            SimulatedAgent agent = SimulatedAgent.builder(connect).fleet(fleet).token(token).hostname("bench-" + i)
                    .build();
            fleetAgents.add(agent);
            inFlight.acquire();
            int index = i;
            long started = System.nanoTime();
            agent.connect().whenComplete((welcome, failure) -> {
                if (failure == null) {
                    connectNanos[index] = System.nanoTime() - started;
                    connected.incrementAndGet();
                } else {
                    connectNanos[index] = -1;
                    if (failed.incrementAndGet() <= 5) {
                        System.out.println("  connect failed: " + failure);
                    }
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await(10, TimeUnit.MINUTES);
        double connectSeconds = seconds(connectStart);
        long[] welcomed = Arrays.stream(connectNanos).filter(n -> n > 0).sorted().toArray();
        System.out.printf("connect: %d of %d agents welcomed in %.1f s = %.0f sessions/s (hello->welcome p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms; %d failed; %d in flight at most)%n", connected.get(), nodes.size(),
                connectSeconds, connected.get() / connectSeconds, millis(percentile(welcomed, 0.50)),
                millis(percentile(welcomed, 0.99)), millis(welcomed.length == 0 ? 0 : welcomed[welcomed.length - 1]),
                failed.get(), connectConcurrency);

        System.out.printf("  hello handling in node-service (epoch, online, events, welcome): p50 %.1f ms, p99 %.1f ms%n",
                metric("lormas.node.hellos.percentile", "phi:0.5") * 1000,
                metric("lormas.node.hellos.percentile", "phi:0.99") * 1000);

        // --- hold with heartbeats ------------------------------------------------------------------------------
        System.out.printf("holding the sessions for %d s (heartbeats every %s) ...%n", holdSeconds, heartbeat);
        Thread.sleep(Math.min(holdSeconds, 10) * 1000L); // let the connect burst settle
        double cpuBefore = cpuSeconds();
        long holdStart = System.nanoTime();
        Thread.sleep(Math.max(0, holdSeconds - 10) * 1000L);
        double holdCpu = (cpuSeconds() - cpuBefore) / seconds(holdStart);
        long held = fleetAgents.stream().filter(SimulatedAgent::isConnected).count();
        long heartbeats = fleetAgents.stream().mapToLong(SimulatedAgent::heartbeatsSent).sum();
        double sessionsGauge = metric("lormas.node.sessions", null);
        System.out.printf("held: %d agents connected after %d s (node-service counts %.0f sessions); %d heartbeats sent;"
                + " node-service used %.0f %% of one core while holding them%n", held, holdSeconds, sessionsGauge,
                heartbeats, holdCpu * 100);
        System.out.printf("heartbeat handling (node-service, Redis presence): p50 %.2f ms, p99 %.2f ms, max %.2f ms, "
                + "%.0f handled%n", metric("lormas.node.heartbeats.percentile", "phi:0.5") * 1000,
                metric("lormas.node.heartbeats.percentile", "phi:0.99") * 1000,
                metric("lormas.node.heartbeats", null, "MAX") * 1000, metric("lormas.node.heartbeats", null, "COUNT"));
        long heapWith = heapAfterGc();
        System.out.printf("heap (after full GC): %.1f MB without sessions, %.1f MB with %d -> %.1f KB per connection%n",
                heapBase / 1e6, heapWith / 1e6, held, held == 0 ? 0 : (heapWith - heapBase) / 1024.0 / held);
        System.out.printf("node-service process RSS: %.0f MB%n", rssMegabytes());
        histogram("histogram-with-sessions.txt");

        // --- commands ------------------------------------------------------------------------------------------
        if (commandRate > 0 && commandSeconds > 0) {
            commands(pulsar, nodes.subList(0, Math.min(commandNodes, nodes.size())), events, agentsNamespace);
        }
        fleetAgents.forEach(SimulatedAgent::crash);
    }

    private void commands(PulsarClient pulsar, List<UUID> nodes, String events, String agentsNamespace)
            throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long[] latencies = new long[commandRate * commandSeconds + 1000];
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicLong lastCompletion = new AtomicLong();
        try (Consumer<byte[]> results = pulsar.newConsumer(Schema.BYTES)
                .topic(Topics.events(events, "node.agent"))
                .subscriptionName("bench-" + UUID.randomUUID())
                .subscriptionType(SubscriptionType.Exclusive)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Latest)
                .receiverQueueSize(5000)
                .messageListener((consumer, message) -> {
                    long now = System.nanoTime();
                    JsonNode envelope = JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8));
                    if ("node.agent.command-completed".equals(envelope.path("type").asString())) {
                        Long sent = sentAt.remove(envelope.path("payload").path("commandId").asString());
                        if (sent == null) {
                            duplicates.incrementAndGet();
                        } else {
                            int index = completed.getAndIncrement();
                            if (index < latencies.length) {
                                latencies[index] = now - sent;
                            }
                            lastCompletion.set(now);
                        }
                    }
                    consumer.acknowledgeAsync(message);
                })
                .subscribe()) {
            System.out.printf("commands: connecting %d producers ...%n", nodes.size());
            List<Producer<byte[]>> producers = new ArrayList<>(nodes.size());
            for (UUID node : nodes) {
                producers.add(pulsar.newProducer(Schema.BYTES).topic(Topics.agentCommands(agentsNamespace,
                        node.toString())).enableBatching(false).blockIfQueueFull(true).create());
            }
            long total = (long) commandRate * commandSeconds;
            double cpuBefore = cpuSeconds();
            double ownCpuBefore = ownCpuSeconds();
            long intervalNanos = 1_000_000_000L / commandRate;
            long start = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = (int) (i % producers.size());
                String serverId = nodes.get(n) + "-srv";
                Command command = Command.of(UUID.randomUUID().toString(), Command.Action.START, serverId, Instant.now());
                sentAt.put(command.id(), System.nanoTime());
                producers.get(n).newMessage().key(serverId).property("lormas-type", "agent.command.start")
                        .property("lormas-id", command.id()).value(AgentProtocol.encode(command)
                                .getBytes(StandardCharsets.UTF_8)).sendAsync();
            }
            double sendSeconds = seconds(start);
            double serviceCpu = (cpuSeconds() - cpuBefore) / sendSeconds;
            double ownCpu = (ownCpuSeconds() - ownCpuBefore) / sendSeconds;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (completed.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long[] sorted = Arrays.copyOf(latencies, Math.min(completed.get(), latencies.length));
            Arrays.sort(sorted);
            double completionSeconds = (lastCompletion.get() - start) / 1e9;
            System.out.printf("commands: %d sent in %.1f s (%.0f/s) to %d nodes; %d completed (%.0f/s), %d missing, "
                    + "%d duplicate results%n", total, sendSeconds, total / sendSeconds, nodes.size(), completed.get(),
                    completed.get() / completionSeconds, total - completed.get(), duplicates.get());
            System.out.printf("command round trip (topic -> agent -> AgentCommandCompleted): p50 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms%n", millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                    millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]));
            System.out.printf("  CPU while sending: node-service %.0f %% of one core, the agents' JVM %.0f %%%n",
                    serviceCpu * 100, ownCpu * 100);
            System.out.printf("  of which node-service (forwarded -> result published): p50 %.1f ms, p99 %.1f ms%n",
                    metric("lormas.node.commands.turnaround.percentile", "phi:0.5") * 1000,
                    metric("lormas.node.commands.turnaround.percentile", "phi:0.99") * 1000);
            double deliveries = metric("lormas.outbox.delivery", null, "COUNT");
            System.out.printf("  outbox relay (commit -> broker ack), all events: mean %.1f ms, max %.1f ms over %.0f%n",
                    deliveries == 0 ? 0 : metric("lormas.outbox.delivery", null, "TOTAL_TIME") * 1000 / deliveries,
                    metric("lormas.outbox.delivery", null, "MAX") * 1000, deliveries);
            for (Producer<byte[]> producer : producers) {
                producer.closeAsync();
            }
        }
    }

    // --- nodes through the API -----------------------------------------------------------------------------------

    private List<UUID> createNodes(int count) throws InterruptedException {
        List<UUID> ids = new ArrayList<>(count);
        UUID[] created = new UUID[count];
        try (ExecutorService workers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < count; i++) {
                int index = i;
                workers.submit(() -> {
                    JsonNode node = post("/api/nodes", Map.of("name", "bench-" + index, "region", "bench",
                            "fqdn", "bench-" + index + ".example.com", "cpuMillis", 8000, "memoryMib", 16384,
                            "diskMib", 204800, "portRanges", List.of(Map.of("ip", "10.0.0.1", "from", 20000,
                                    "to", 20100))));
                    created[index] = UUID.fromString(node.path("id").asString());
                    return null;
                });
            }
        }
        for (UUID id : created) {
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    // --- node-service process ------------------------------------------------------------------------------------

    private Process startService(Path work, int port, PostgresServer.Database database, PulsarBroker broker,
            String events, String agentsNamespace) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + serviceHeap));
        if (Boolean.getBoolean("bench.jfr")) { // a CPU profile of node-service: target/bench/node-service.jfr
            command.add("-XX:StartFlightRecording=filename=" + work.resolve("node-service.jfr").toAbsolutePath()
                    + ",settings=profile");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.lormas.node.NodeServiceApplication"));
        Map<String, String> properties = Map.ofEntries(
                Map.entry("server.port", Integer.toString(port)),
                Map.entry("spring.datasource.url", database.jdbcUrl()),
                Map.entry("spring.datasource.username", database.username()),
                Map.entry("spring.data.redis.host", RedisServer.get().host()),
                Map.entry("spring.data.redis.port", Integer.toString(RedisServer.get().port())),
                Map.entry("lormas.pulsar.service-url", broker.brokerUrl()),
                Map.entry("lormas.pulsar.events-namespace", events),
                Map.entry("lormas.pulsar.agents-namespace", agentsNamespace),
                Map.entry("lormas.security.issuer", TestTokens.shared().issuer()),
                Map.entry("lormas.security.jwk-set-uri", TestTokens.shared().jwkSetUri()),
                Map.entry("lormas.node.presence.heartbeat-interval", heartbeat),
                Map.entry("logging.level.root", "WARN"),
                Map.entry("logging.level.io.lormas", "WARN"),
                Map.entry("management.tracing.sampling.probability", "0"),
                Map.entry("management.otlp.metrics.export.enabled", "false"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("node-service.log").toFile());
        builder.environment().put("LORMAS_LOG_FORMAT", "plain");
        return builder.start();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("node-service exited; see target/bench/node-service.log");
            }
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(base
                        + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node-service not ready within 3 minutes");
    }

    private long heapAfterGc() throws Exception {
        for (int i = 0; i < 2; i++) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(service.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
        }
        Thread.sleep(500);
        return (long) metric("jvm.memory.used", "area:heap");
    }

    /** With -Dbench.histogram=true: node-service's heap histogram into target/bench (to see what a session costs). */
    private void histogram(String file) throws Exception {
        if (Boolean.getBoolean("bench.histogram")) {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(service.pid()), "GC.class_histogram").redirectErrorStream(true)
                    .redirectOutput(Path.of("target/bench", file).toFile()).start().waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** CPU time this JVM (the agents) has used so far. */
    private static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU time node-service has used so far (user + system), from /proc. */
    private double cpuSeconds() {
        try {
            String[] fields = Files.readString(Path.of("/proc/" + service.pid() + "/stat")).split("\\) ", 2)[1]
                    .split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // clock ticks, USER_HZ = 100
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private double rssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + service.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    private double metric(String name, String tag) throws Exception {
        return metric(name, tag, "VALUE");
    }

    /** One statistic of an actuator metric; 0 when it does not exist (yet). */
    private double metric(String name, String tag, String statistic) throws Exception {
        String query = tag == null ? "" : "?tag=" + tag;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/metrics/" + name
                + query)).header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return 0;
        }
        for (JsonNode measurement : JSON.readTree(response.body()).path("measurements")) {
            if (statistic.equals(measurement.path("statistic").asString())) {
                return measurement.path("value").asDouble();
            }
        }
        return 0;
    }

    private JsonNode post(String path, Object body) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
