package io.lormas.agent;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Inventory;

/**
 * Benchmark, not a test (prints figures, asserts nothing): the packaged agent ({@code target/lormas-agent.jar},
 * {@code -Xmx128m}, or {@code LORMAS_BENCH_JAVA_OPTS}) runs as its own process against the real engine and a fake control plane; 50 servers are
 * created, then started one after the other, measuring "start command sent -> command_result (container
 * running)"; then stopped and started all at once; then the agent's heap and RSS are read with 50 servers
 * running. See agent/README.md for the command.
 */
public final class StartLatencyBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        int servers = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost == null || dockerHost.isBlank()) {
            throw new IllegalStateException("set DOCKER_HOST (../shared/tools/container-engine)");
        }
        Path jar = Path.of("agent/target/lormas-agent.jar");
        if (!Files.exists(jar)) {
            jar = Path.of("target/lormas-agent.jar");
        }
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: ./mvnw -pl agent -DskipTests package");
        }
        Path root = Files.createTempDirectory("lormas-bench");
        int healthPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            healthPort = probe.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("LORMAS_AGENT_STATE_DIR", root.resolve("state").toString());
        env.put("LORMAS_AGENT_DATA_ROOT", root.resolve("servers").toString());
        env.put("LORMAS_AGENT_ENGINE_PULL_MISSING_IMAGES", "false");
        env.put("LORMAS_AGENT_HEALTH_PORT", Integer.toString(healthPort));

        try (FakeControlPlane controlPlane = FakeControlPlane.start()) {
            controlPlane.heartbeatSeconds = 15;
            run(env, java, "-jar", jar.toString(), "register", "--url", controlPlane.gatewayUrl().toString(),
                    "--token", controlPlane.registrationToken);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(List.of(System.getenv().getOrDefault("LORMAS_BENCH_JAVA_OPTS", "-Xmx128m").split("\\s+")));
            command.addAll(List.of("-jar", jar.toString(), "run"));
            System.out.println("agent: " + String.join(" ", command));
            ProcessBuilder agentProcess = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("agent.log").toFile());
            agentProcess.environment().putAll(env);
            long launched = System.nanoTime();
            Process agent = agentProcess.start();
            try {
                controlPlane.await(Inventory.class, i -> true, 0, WAIT);
                System.out.printf("agent up (hello + inventory) after %d ms; log: %s%n",
                        (System.nanoTime() - launched) / 1_000_000, root.resolve("agent.log"));
                benchmark(controlPlane, agent, servers, healthPort);
            } finally {
                agent.destroy();
                if (!agent.waitFor(30, TimeUnit.SECONDS)) {
                    agent.destroyForcibly();
                }
                TestEngine.removeEverythingOf(dockerHost, controlPlane.nodeId);
            }
        }
    }

    private static void benchmark(FakeControlPlane controlPlane, Process agent, int count, int healthPort) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String serverId = TestServers.newId();
            ids.add(serverId);
            require(controlPlane.execute(TestServers.create(serverId, TestServers.echoServer("bench-owner")), WAIT));
        }
        System.out.printf("created %d servers%n", count);

        List<Long> sequential = new ArrayList<>();
        List<Long> agentSide = new ArrayList<>();
        for (String serverId : ids) {
            long sent = System.nanoTime();
            CommandResult started = require(controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT));
            sequential.add((System.nanoTime() - sent) / 1_000_000);
            agentSide.add(((Number) started.result().get("tookMillis")).longValue());
        }
        report("start -> running, one after the other (control plane view)", sequential);
        report("start -> running, one after the other (agent's tookMillis)", agentSide);

        measureMemory(agent, healthPort, "50 servers running, after 30 s of stats and heartbeats", Duration.ofSeconds(30));

        for (String serverId : ids) {
            require(controlPlane.execute(TestServers.of(Command.Action.KILL, serverId), WAIT));
        }
        List<Long> burst = Collections.synchronizedList(new ArrayList<>());
        int mark = controlPlane.mark();
        long sent = System.nanoTime();
        List<Command> commands = ids.stream().map(id -> TestServers.of(Command.Action.START, id)).toList();
        commands.forEach(controlPlane::send);
        for (Command command : commands) {
            CommandResult result = require(controlPlane.await(CommandResult.class, r -> r.commandId().equals(command.id()), mark, WAIT));
            burst.add(((Number) result.result().get("tookMillis")).longValue());
        }
        long wall = (System.nanoTime() - sent) / 1_000_000;
        report("start -> running, all " + count + " sent at once (agent's tookMillis)", burst);
        System.out.printf("  all %d running %d ms after the first start was sent%n", count, wall);

        measureMemory(agent, healthPort, "after the burst, 50 running", Duration.ofSeconds(15));

        for (String serverId : ids) {
            controlPlane.execute(TestServers.delete(serverId, true), WAIT);
        }
    }

    private static void measureMemory(Process agent, int healthPort, String label, Duration settle) throws Exception {
        Thread.sleep(settle);
        String status = Files.readString(Path.of("/proc/" + agent.pid() + "/status"));
        String rss = field(status, "VmRSS");
        String peak = field(status, "VmHWM");
        String threads = field(status, "Threads");
        String health;
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        System.out.printf("memory (%s): RSS %s, peak RSS %s, OS threads %s%n  health: %s%n", label, rss, peak, threads,
                health.replaceAll(".*\"jvm\":", "jvm "));
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> l.substring(name.length() + 1).strip()).orElse("?");
    }

    private static void report(String label, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("%s: n=%d p50=%d ms p90=%d ms p99=%d ms max=%d ms%n", label, sorted.size(), percentile(sorted, 50),
                percentile(sorted, 90), percentile(sorted, 99), sorted.getLast());
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(index, 0, sorted.size() - 1));
    }

    private static CommandResult require(CommandResult result) {
        if (result.status() != CommandResult.Status.SUCCESS) {
            throw new IllegalStateException("command failed: " + result);
        }
        return result;
    }

    private static void run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(env);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }
}
