package io.lormas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The newcomer's journey, start to finish, against the platform started by {@code ./lormas up} and only through
 * its gateway: sign-in with PKCE, a region and node, a real agent over the gateway's WebSocket, an egg and a plan, a
 * customer whose server is installed and started as a real container, its console, stop and delete, the activity
 * log, an integrator's client that sees only its owner's servers, and a service killed midway that comes back
 * without losing anything. Needs a Docker-API engine ({@code DOCKER_HOST}); with {@code LORMAS_REQUIRE_ENGINE=1}
 * its absence fails the test instead of skipping it.
 */
class JourneyIT {

    private static final Path REPOSITORY = RunningPlatform.repository();
    private static final String IMAGE = "localhost/lormas/busybox:latest";
    private static final String REGION = "e2e-1";

    private final List<Process> agents = new ArrayList<>();

    @Test
    void newUserJourneyThroughTheGateway() throws Exception {
        String dockerHost = System.getenv("DOCKER_HOST");
        if ("1".equals(System.getenv("LORMAS_REQUIRE_ENGINE"))) {
            assertThat(dockerHost).as("DOCKER_HOST (LORMAS_REQUIRE_ENGINE=1)").isNotBlank();
        }
        assumeTrue(dockerHost != null && !dockerHost.isBlank(), "no Docker-API engine (DOCKER_HOST)");

        Path work = REPOSITORY.resolve("e2e/target/journey");
        deleteRecursively(work);
        Files.createDirectories(work);
        RunningPlatform platform = new RunningPlatform(REPOSITORY, work.resolve("home"));
        try (platform) {
            Duration coldStart = platform.start(Duration.ofMinutes(8));
            RunningPlatform.Status status = platform.status();
            assertThat(status.allUp()).as(String.join("\n", status.lines())).isTrue();
            assertThat(status.lines()).as("./lormas status names every component")
                    .anySatisfy(l -> assertThat(l).startsWith("postgres").contains("up"))
                    .anySatisfy(l -> assertThat(l).startsWith("redis").contains("up"))
                    .anySatisfy(l -> assertThat(l).startsWith("pulsar").contains("up"))
                    .anySatisfy(l -> assertThat(l).startsWith("gateway").contains("up"));
            long restingMib = platform.residentMemoryMib();
            Instant journeyStart = Instant.now();

            // 1. The admin signs in (authorization code + PKCE through the login form), creates a region and a node.
            String adminToken = ConsoleSignIn.accessToken(RunningPlatform.ADMIN_EMAIL, RunningPlatform.ADMIN_PASSWORD);
            Api admin = new Api(adminToken);
            admin.post("/api/nodes/regions", Map.of("code", REGION, "name", "End-to-end")).expect(201);
            JsonNode node = admin.post("/api/nodes", Map.of("name", "e2e-node-1", "region", REGION, "fqdn", "localhost",
                    "cpuMillis", 2000, "memoryMib", 4096, "diskMib", 10240,
                    "portRanges", List.of(Map.of("ip", "127.0.0.1", "from", 26100, "to", 26120)))).expect(201).body();
            String nodeId = node.path("id").asString();
            String registrationToken = node.path("registrationToken").asString();
            assertThat(registrationToken).isNotBlank();

            // 2. A real agent registers with the token and connects over the gateway; the node shows online.
            Map<String, String> agentEnv = Map.of(
                    "LORMAS_AGENT_STATE_DIR", work.resolve("agent").toString(),
                    "LORMAS_AGENT_DATA_ROOT", work.resolve("servers").toString(),
                    "LORMAS_AGENT_ENGINE_PULL_MISSING_IMAGES", "false",
                    "LORMAS_AGENT_HEALTH_PORT", "19095",
                    "DOCKER_HOST", dockerHost);
            Process register = agent(agentEnv, work, "register", "--url", RunningPlatform.URL, "--token", registrationToken);
            assertThat(register.waitFor()).as("agent register exit code (see %s)", work.resolve("agent-register.log"))
                    .isZero();
            agent(agentEnv, work, "run");
            await("node online", Duration.ofMinutes(2), () -> admin.get("/api/nodes/" + nodeId).body(),
                    body -> body.path("online").asBoolean());
            assertThat(admin.post("/api/nodes/register", Map.of("token", registrationToken, "hostname", "again"))
                    .status()).as("a registration token works once").isEqualTo(401);

            // 3. The admin imports an egg from the corpus (adapted to the local image), creates a plan and a customer.
            String eggId = admin.post("/api/catalog/eggs/import", adaptedEgg()).expect(201).body().path("id").asString();
            String planId = admin.post("/api/catalog/plans", Map.of("name", "e2e-small-" + UUID.randomUUID(),
                    "cpuMillis", 500, "memoryMib", 128, "diskMib", 512, "ports", 1,
                    "hourlyPrice", Map.of("amount", "0.0125", "currency", "EUR"))).expect(201).body().path("id").asString();
            String customerEmail = "customer-" + UUID.randomUUID().toString().substring(0, 8) + "@e2e.lormas.test";
            String customerPassword = "a long customer password";
            JsonNode customerUser = admin.post("/api/identity/users", Map.of("email", customerEmail,
                    "password", customerPassword, "roles", List.of("customer"))).expect(201).body();
            String customerId = customerUser.path("id").asString();

            // 4. The customer signs in and creates a server: placed on the node, installed, started as a container.
            Api customer = new Api(ConsoleSignIn.accessToken(customerEmail, customerPassword));
            String serverId = customer.post("/api/servers", Map.of("name", "echo-1", "eggId", eggId, "planId", planId,
                    "region", REGION, "variables", Map.of("USER_UPLOAD", "1"))).expect(202).body().path("id").asString();
            JsonNode installed = await("server installed", Duration.ofMinutes(3),
                    () -> customer.get("/api/servers/" + serverId).body(),
                    body -> "stopped".equals(body.path("state").asString())
                            || "install_failed".equals(body.path("state").asString()));
            assertThat(installed.path("state").asString()).isEqualTo("stopped");
            assertThat(installed.path("nodeId").asString()).isEqualTo(nodeId);
            assertThat(installed.path("allocations").get(0).path("port").asInt()).isBetween(26100, 26120);

            // 7. A service dies (as in a crash) midway; the launcher brings it back and nothing is lost.
            platform.kill("deploy");
            JsonNode started = awaitAnswer("power start accepted after deploy-service restarted", Duration.ofMinutes(3),
                    () -> customer.post("/api/servers/" + serverId + "/power", Map.of("signal", "start")),
                    answer -> answer.status() == 202).body();
            assertThat(started).isNotNull();
            await("server running", Duration.ofMinutes(2), () -> customer.get("/api/servers/" + serverId).body(),
                    body -> "running".equals(body.path("state").asString()));

            // 5. The console through the gateway: a command and its output.
            try (ConsoleSocket console = new ConsoleSocket(serverId, customer.token())) {
                console.awaitFrame("Server ready", Duration.ofSeconds(60));
                console.send("hello lormas");
                console.awaitFrame("you said: hello lormas", Duration.ofSeconds(60));
            }

            // 6. An integrator's client created by the customer lists the customer's servers and no one else's.
            String adminServerId = admin.post("/api/servers", Map.of("name", "admins-own", "eggId", eggId, "planId", planId,
                    "region", REGION, "variables", Map.of())).expect(202).body().path("id").asString();
            JsonNode client = customer.post("/api/identity/clients", Map.of("name", "ci-bot",
                    "scopes", List.of("servers.read"))).expect(201).body();
            Api integrator = new Api(ConsoleSignIn.clientToken(client.path("clientId").asString(),
                    client.path("clientSecret").asString(), "servers.read"));
            JsonNode visible = integrator.get("/api/servers").expect(200).body().path("items");
            assertThat(visible.valueStream().map(s -> s.path("id").asString()).toList()).contains(serverId)
                    .doesNotContain(adminServerId);
            assertThat(visible.valueStream().map(s -> s.path("ownerId").asString()).distinct().toList())
                    .containsExactly(customerId);
            assertThat(integrator.get("/api/servers/" + adminServerId).status()).isEqualTo(404);

            // 5 (continued). Stop, look at the activity log, delete.
            customer.post("/api/servers/" + serverId + "/power", Map.of("signal", "stop")).expect(202);
            await("server stopped", Duration.ofMinutes(2), () -> customer.get("/api/servers/" + serverId).body(),
                    body -> "stopped".equals(body.path("state").asString()));
            JsonNode activity = customer.get("/api/servers/" + serverId + "/activity").expect(200).body();
            JsonNode entries = activity.has("items") ? activity.path("items") : activity;
            List<String> actions = entries.valueStream().map(e -> e.path("action").asString()).toList();
            assertThat(actions).hasSizeGreaterThanOrEqualTo(3);
            assertThat(String.join(" ", actions)).contains("start").contains("stop");
            assertThat(entries.valueStream().filter(e -> customerId.equals(e.path("actorId").asString())).toList())
                    .as("the customer's actions in the activity log, each with its request id")
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(e -> assertThat(e.path("requestId").asString()).as(e.toString()).isNotBlank());
            customer.delete("/api/servers/" + serverId).expect(202);
            awaitAnswer("server gone", Duration.ofMinutes(2), () -> customer.get("/api/servers/" + serverId),
                    answer -> answer.status() == 404);

            Duration journey = Duration.between(journeyStart, Instant.now());
            System.out.printf("%nJourney figures: cold start %d s, platform memory at rest %d MiB (RSS), journey %d s%n",
                    coldStart.toSeconds(), restingMib, journey.toSeconds());
            warmRestartKeepsTheData(platform, work, customerEmail, customerPassword, planId);
        } finally {
            stopAgents();
        }
        assertThat(work.resolve("home/run/launcher.pid")).as("the launcher stopped cleanly").doesNotExist();
    }

    /** SIGTERM, as systemd stops an agent: each must exit on its own, not wait for SIGKILL. */
    private void stopAgents() throws InterruptedException {
        agents.forEach(Process::destroy);
        for (Process agent : agents) {
            boolean exited = agent.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            agent.destroyForcibly();
            assertThat(exited).as("agent %d exited after SIGTERM", agent.pid()).isTrue();
        }
    }

    /** Ctrl-C, then ./lormas up again on the same data directory: everything is still there. */
    private static void warmRestartKeepsTheData(RunningPlatform first, Path work, String customerEmail,
            String customerPassword, String planId) throws Exception {
        first.close();
        assertThat(work.resolve("home/run/launcher.pid")).as("the launcher stopped cleanly").doesNotExist();
        try (RunningPlatform again = new RunningPlatform(REPOSITORY, work.resolve("home"))) {
            Duration warmStart = again.start(Duration.ofMinutes(8));
            Api customer = new Api(ConsoleSignIn.accessToken(customerEmail, customerPassword));
            assertThat(customer.get("/api/catalog/plans/" + planId).expect(200).body().path("id").asString())
                    .isEqualTo(planId);
            assertThat(customer.get("/api/servers").expect(200).body().path("items")).isEmpty();
            assertThat(again.output()).noneMatch(line -> line.contains("admin password"));
            System.out.printf("Journey figures: warm start %d s%n", warmStart.toSeconds());
        }
    }

    private Process agent(Map<String, String> env, Path work, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx128m", "-jar", REPOSITORY.resolve("agent/target/lormas-agent.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("agent-" + args[0] + ".log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        agents.add(process);
        return process;
    }

    /** The egg of a real community server, adapted to the only image this machine has. */
    private static String adaptedEgg() throws IOException {
        Path source = REPOSITORY.resolve("../shared/corpus/eggs/pelican-eggs-generic/elixir__egg-elixir.json").normalize();
        ObjectNode egg = (ObjectNode) Api.JSON.readTree(Files.readString(source));
        egg.put("name", "Echo (e2e, from " + egg.path("name").asString() + ")");
        egg.set("docker_images", Api.JSON.createObjectNode().put("Busybox", IMAGE));
        egg.put("startup", "echo Server ready; while read line; do [ \"$line\" = quit ] && exit 0; "
                + "echo \"you said: $line\"; done");
        ObjectNode config = (ObjectNode) egg.path("config");
        config.put("startup", "{\"done\": [\"Server ready\"]}");
        config.put("stop", "quit");
        ObjectNode install = (ObjectNode) egg.path("scripts").path("installation");
        install.put("container", IMAGE);
        install.put("entrypoint", "sh");
        install.put("script", "echo installing into /mnt/server\necho installed > /mnt/server/installed.txt\necho done");
        return Api.JSON.writeValueAsString(egg);
    }

    private static JsonNode await(String what, Duration timeout, java.util.function.Supplier<JsonNode> read,
            Predicate<JsonNode> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(what + " not reached within " + timeout + "; last answer: " + last);
    }

    private static Api.Answer awaitAnswer(String what, Duration timeout, java.util.function.Supplier<Api.Answer> call,
            Predicate<Api.Answer> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Api.Answer last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(what + " not reached within " + timeout + "; last answer: " + last);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
