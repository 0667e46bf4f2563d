package io.lormas.agent;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.lormas.agent.controlplane.NodeRegistration;
import io.micronaut.context.ApplicationContext;
import org.jspecify.annotations.Nullable;

/**
 * An agent started the way {@code agent run} starts it, registered with a {@link FakeControlPlane}, with its
 * state and data in a test directory; can be restarted on the same state.
 */
final class RunningAgent implements AutoCloseable {

    final Path stateDir;
    final Path dataRoot;
    private final Map<String, Object> properties;
    private @Nullable ApplicationContext context;

    private RunningAgent(Path root, Map<String, Object> properties) {
        this.stateDir = root.resolve("state");
        this.dataRoot = root.resolve("servers");
        this.properties = properties;
    }

    /** Properties of a test agent: fast intervals, no image pulls, engine or none. */
    static Map<String, Object> properties(Path root, @Nullable String dockerHost) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("lormas.agent.state-dir", root.resolve("state").toString());
        properties.put("lormas.agent.data-root", root.resolve("servers").toString());
        properties.put("lormas.agent.engine.docker-host", dockerHost != null ? dockerHost : "unix:///nonexistent/docker.sock");
        properties.put("lormas.agent.engine.pull-missing-images", false);
        properties.put("micronaut.server.port", -1);
        properties.put("lormas.agent.control-plane.reconnect-min-delay", "100ms");
        properties.put("lormas.agent.control-plane.reconnect-max-delay", "1s");
        properties.put("lormas.agent.control-plane.welcome-timeout", "5s");
        properties.put("lormas.agent.stats.interval", "1s");
        properties.put("lormas.agent.stats.disk-interval", "2s");
        properties.put("lormas.agent.console.flush-interval", "100ms");
        properties.put("lormas.agent.power-lock-wait", "10s");
        return properties;
    }

    /** Registers the node with the control plane (the real registration), then starts the agent. */
    static RunningAgent start(FakeControlPlane controlPlane, Path root, @Nullable String dockerHost,
            Map<String, Object> extra) {
        Map<String, Object> properties = properties(root, dockerHost);
        properties.putAll(extra);
        register(controlPlane, properties);
        RunningAgent agent = new RunningAgent(root, properties);
        agent.context = Agent.start(properties);
        return agent;
    }

    static void register(FakeControlPlane controlPlane, Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            context.getBean(NodeRegistration.class).register(controlPlane.gatewayUrl(), controlPlane.registrationToken,
                    "test-host", false);
        }
    }

    ApplicationContext context() {
        if (context == null) {
            throw new IllegalStateException("not running");
        }
        return context;
    }

    void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    void restart() {
        stop();
        context = Agent.start(properties);
    }

    @Override
    public void close() {
        stop();
    }
}
