package io.lormas.agent;

import static org.assertj.core.api.Assertions.fail;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import org.junit.jupiter.api.Assumptions;

/**
 * The real container engine of the engine tests ({@code DOCKER_HOST}, e.g. podman from
 * {@code ../shared/tools/container-engine}). Without one the tests are skipped, unless
 * {@code LORMAS_REQUIRE_ENGINE=1} (CI), where they fail instead.
 */
final class TestEngine {

    static final String IMAGE = "localhost/lormas/busybox:latest";

    private TestEngine() {
    }

    /** The engine's address, after checking that it answers; skips or fails the test without one. */
    static String dockerHost() {
        String host = System.getenv("DOCKER_HOST");
        boolean required = "1".equals(System.getenv("LORMAS_REQUIRE_ENGINE"));
        if (host == null || host.isBlank()) {
            if (required) {
                fail("LORMAS_REQUIRE_ENGINE=1 but DOCKER_HOST is not set: run ../shared/tools/container-engine first");
            }
            Assumptions.abort("no container engine: set DOCKER_HOST (see ../shared/tools/container-engine)");
        }
        try (DockerClient client = client(host)) {
            client.pingCmd().exec();
        } catch (Exception e) {
            fail("DOCKER_HOST=" + host + " does not answer: " + e);
        }
        return host;
    }

    static DockerClient client(String host) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host).build();
        return DockerClientImpl.getInstance(config,
                new ApacheDockerHttpClient.Builder().dockerHost(URI.create(host)).maxConnections(50).build());
    }

    /** Runs a command in a running container and returns what it printed (stdout and stderr). */
    static String exec(String host, String container, String... command) {
        try (DockerClient client = client(host)) {
            String execId = client.execCreateCmd(container).withCmd(command).withAttachStdout(true)
                    .withAttachStderr(true).exec().getId();
            StringBuilder out = new StringBuilder();
            client.execStartCmd(execId).exec(new com.github.dockerjava.api.async.ResultCallback.Adapter<com.github.dockerjava.api.model.Frame>() {
                @Override
                public void onNext(com.github.dockerjava.api.model.Frame frame) {
                    synchronized (out) {
                        out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }).awaitCompletion(30, java.util.concurrent.TimeUnit.SECONDS);
            synchronized (out) {
                return out.toString();
            }
        } catch (Exception e) {
            throw new IllegalStateException("exec in " + container + " failed", e);
        }
    }

    /** Removes every container and network an agent of this node created (they carry lormas.node). */
    static void removeEverythingOf(String host, String nodeId) {
        try (DockerClient client = client(host)) {
            List<Container> containers = client.listContainersCmd().withShowAll(true)
                    .withLabelFilter(Map.of("lormas.node", nodeId)).exec();
            for (Container container : containers) {
                try {
                    client.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                } catch (RuntimeException ignored) {
                    // gone already
                }
            }
            for (Network network : client.listNetworksCmd().exec()) {
                if (network.getLabels() != null && nodeId.equals(network.getLabels().get("lormas.node"))) {
                    try {
                        client.removeNetworkCmd(network.getId()).exec();
                    } catch (RuntimeException ignored) {
                        // in use by a container of another run, or gone
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cleanup failed", e);
        }
    }
}
