package io.lormas.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import com.sun.net.httpserver.HttpServer;
import io.lormas.contracts.agent.BuildSpec;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Inventory;
import io.micronaut.runtime.server.EmbeddedServer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Image builds from a downloadable build context, and the health endpoint, against a real engine. */
class ImageBuildIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path root;

    String dockerHost;
    FakeControlPlane controlPlane;
    RunningAgent agent;
    HttpServer contexts;

    @BeforeEach
    void start() throws Exception {
        dockerHost = TestEngine.dockerHost();
        controlPlane = FakeControlPlane.start();
        agent = RunningAgent.start(controlPlane, root, dockerHost, Map.of());
        controlPlane.await(Inventory.class, i -> true, 0, WAIT);
        contexts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        contexts.start();
    }

    @AfterEach
    void stop() {
        if (contexts != null) {
            contexts.stop(0);
        }
        if (agent != null) {
            agent.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
            TestEngine.removeEverythingOf(dockerHost, controlPlane.nodeId);
        }
    }

    private URI serve(String path, byte[] body) {
        contexts.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        return URI.create("http://127.0.0.1:" + contexts.getAddress().getPort() + path);
    }

    private static byte[] tar(Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void buildsAnImageFromABuildContext() throws Exception {
        String tag = "localhost/lormas-test/app-" + controlPlane.nodeId + ":1";
        URI context = serve("/ctx.tar", tar(Map.of(
                "Dockerfile", "FROM " + TestEngine.IMAGE + "\nARG GREETING\nCOPY hello.txt /hello.txt\nRUN echo \"$GREETING\" > /greeting\n",
                "hello.txt", "hello\n")));

        CommandResult built = controlPlane.execute(new Command(TestServers.newId(), Command.Action.BUILD, null, null, null,
                null, null, null, new BuildSpec(context.toString(), null, tag, Map.of("GREETING", "hi")), Instant.now()), WAIT);

        try (DockerClient client = TestEngine.client(dockerHost)) {
            assertThat(built.status()).as(built.toString()).isEqualTo(CommandResult.Status.SUCCESS);
            assertThat(built.result()).containsEntry("imageTag", tag).containsKey("imageId");
            assertThat(client.inspectImageCmd(tag).exec().getId()).contains(String.valueOf(built.result().get("imageId")));
            client.removeImageCmd(tag).withForce(true).exec();
        }
    }

    @Test
    void reportsABrokenBuildAsFailed() throws Exception {
        URI context = serve("/broken.tar", tar(Map.of("Dockerfile", "FROM " + TestEngine.IMAGE + "\nRUN exit 7\n")));

        CommandResult built = controlPlane.execute(new Command(TestServers.newId(), Command.Action.BUILD, null, null, null,
                null, null, null, new BuildSpec(context.toString(), null, "localhost/lormas-test/broken:1", Map.of()),
                Instant.now()), WAIT);

        assertThat(built.status()).isEqualTo(CommandResult.Status.FAILURE);
        assertThat(built.error().code()).isEqualTo("build_failed");
    }

    @Test
    void reportsHealthWithTheEngineAndTheSession() throws Exception {
        int port = agent.context().getBean(EmbeddedServer.class).getPort();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/json"));
            assertThat(health.body()).contains("\"status\":\"UP\"", "\"connected\":true", "\"reachable\":true", "heapUsedBytes");
            assertThat(List.of(health.body())).isNotEmpty();
        }
    }
}
