package io.lormas.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lormas.contracts.agent.Hello;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent as an operator runs it ({@code java -jar lormas-agent.jar run}): it connects, and SIGTERM
 * (systemd's stop, Ctrl-C) ends the process promptly instead of leaving it for SIGKILL.
 */
class AgentProcessIT {

    private static final Path JAR = Path.of("target/lormas-agent.jar");

    @TempDir
    Path root;

    @Test
    void stopsPromptlyOnSigterm() throws Exception {
        assertThat(JAR).as("the packaged agent (mvn package runs before the integration tests)").exists();
        try (FakeControlPlane controlPlane = FakeControlPlane.start()) {
            Map<String, Object> properties = RunningAgent.properties(root, null);
            RunningAgent.register(controlPlane, properties);
            Path log = root.resolve("agent.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-jar", JAR.toString(), "run"))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("LORMAS_AGENT_STATE_DIR", root.resolve("state").toString());
            env.put("LORMAS_AGENT_DATA_ROOT", root.resolve("servers").toString());
            env.put("LORMAS_AGENT_HEALTH_PORT", String.valueOf(freePort()));
            env.put("LORMAS_AGENT_ENGINE_PULL_MISSING_IMAGES", "false");
            env.put("DOCKER_HOST", "unix:///nonexistent/docker.sock");
            Process agent = builder.start();
            try {
                controlPlane.await(Hello.class, hello -> true, 0, Duration.ofSeconds(60));

                agent.destroy(); // SIGTERM

                boolean exited = agent.waitFor(20, TimeUnit.SECONDS);
                assertThat(exited).as("the agent exited within 20 s of SIGTERM; its log:%n%s", read(log)).isTrue();
            } finally {
                agent.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "(none)";
    }
}
