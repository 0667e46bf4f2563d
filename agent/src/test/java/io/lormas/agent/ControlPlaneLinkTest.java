package io.lormas.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.lormas.agent.controlplane.ControlPlaneUnavailable;
import io.lormas.agent.controlplane.NodeRegistration;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Hello;
import io.lormas.contracts.agent.Inventory;
import io.lormas.contracts.agent.ProtocolError;
import io.micronaut.context.ApplicationContext;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent protocol and the session's robustness, without a container engine (the agent points at none):
 * bad and oversized frames, reconnects, token renewal, registration.
 */
class ControlPlaneLinkTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    FakeControlPlane controlPlane = FakeControlPlane.start();
    RunningAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        controlPlane.close();
    }

    private void startAgent(Map<String, Object> extra) {
        agent = RunningAgent.start(controlPlane, root, null, extra);
        controlPlane.await(Hello.class, h -> true, 0, WAIT);
    }

    @Test
    void answersABadFrameWithAnErrorFrameAndCarriesOn() {
        startAgent(Map.of());
        int mark = controlPlane.mark();

        controlPlane.sendRaw("{\"type\":\"command\",");
        ProtocolError malformed = controlPlane.await(ProtocolError.class, e -> true, mark, WAIT);
        controlPlane.sendRaw("{\"type\":\"teleport\"}");
        ProtocolError unknown = controlPlane.await(ProtocolError.class, e -> e.code().equals("unknown_type"), mark, WAIT);
        controlPlane.sendRaw("[1,2,3]");
        controlPlane.sendRaw("{\"type\":\"command\",\"id\":\"c-9\",\"action\":\"format_disk\",\"issuedAt\":\"2026-11-23T12:00:00Z\"}");
        ProtocolError badAction = controlPlane.await(ProtocolError.class, e -> "c-9".equals(e.ref()), mark, WAIT);
        CommandResult badActionResult = controlPlane.await(CommandResult.class, r -> r.commandId().equals("c-9"), mark, WAIT);

        assertThat(malformed.code()).isEqualTo("malformed");
        assertThat(unknown.message()).contains("teleport");
        assertThat(badAction.code()).isEqualTo("invalid");
        assertThat(badActionResult.error().code()).isEqualTo("invalid_command");
        // still serving commands on the same session
        CommandResult reconcile = controlPlane.execute(new Command("c-10", Command.Action.RECONCILE, null, null, null,
                null, null, null, null, Instant.now()), WAIT);
        assertThat(reconcile.error().code()).isEqualTo("engine_unavailable");
        assertThat(controlPlane.connections.get()).isEqualTo(1);
    }

    @Test
    void refusesOversizedFramesWithoutReadingThem() {
        startAgent(Map.of("lormas.agent.control-plane.max-frame-bytes", 64 * 1024));
        int mark = controlPlane.mark();
        String huge = "{\"type\":\"command\",\"id\":\"big\",\"action\":\"console_input\",\"serverId\":\"s1\",\"input\":\""
                + "x".repeat(200_000) + "\",\"issuedAt\":\"2026-11-23T12:00:00Z\"}";

        controlPlane.sendRaw(huge);

        ProtocolError error = controlPlane.await(ProtocolError.class, e -> e.code().equals("too_large"), mark, WAIT);
        assertThat(error.message()).contains("65536");
        assertThat(controlPlane.all(CommandResult.class, mark)).noneMatch(r -> r.commandId().equals("big"));
        CommandResult afterwards = controlPlane.execute(new Command("small", Command.Action.RECONCILE, null, null, null,
                null, null, null, null, Instant.now()), WAIT);
        assertThat(afterwards.commandId()).isEqualTo("small");
        assertThat(controlPlane.connections.get()).isEqualTo(1);
    }

    @Test
    void reconnectsWithHelloEachTimeTheControlPlaneComesBack() {
        startAgent(Map.of());
        for (int round = 0; round < 3; round++) {
            int mark = controlPlane.mark();
            controlPlane.stopSocket();
            sleep(300);
            controlPlane.restartSocket();
            controlPlane.await(Hello.class, h -> true, mark, WAIT);
        }
        assertThat(controlPlane.connections.get()).isEqualTo(4);
    }

    @Test
    void renewsItsAccessTokenBeforeItExpires() {
        controlPlane.tokenLifetimeSeconds = 2;
        startAgent(Map.of());

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (controlPlane.tokensIssued.get() < 3 && System.nanoTime() < deadline) {
            sleep(100);
        }

        assertThat(controlPlane.tokensIssued.get()).isGreaterThanOrEqualTo(3);
        assertThat(controlPlane.connections.get()).as("renewal does not need a new session").isEqualTo(1);
        int mark = controlPlane.mark();
        controlPlane.restartSocket();
        controlPlane.await(Hello.class, h -> true, mark, WAIT);
        assertThat(controlPlane.upgradesRefused.get()).as("reconnects with a valid token").isZero();
    }

    @Test
    void storesTheCredentialsReadableByTheAgentOnly() throws Exception {
        Map<String, Object> properties = RunningAgent.properties(root, null);

        RunningAgent.register(controlPlane, properties);

        Path credentials = root.resolve("state/credentials.json");
        assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(root.resolve("state"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(credentials)).contains(controlPlane.clientSecret, controlPlane.nodeId);
    }

    @Test
    void refusesAUsedRegistrationToken() {
        Map<String, Object> properties = RunningAgent.properties(root, null);
        RunningAgent.register(controlPlane, properties);

        try (ApplicationContext context = ApplicationContext.builder().properties(properties).start()) {
            NodeRegistration registration = context.getBean(NodeRegistration.class);
            Assertions.assertThatThrownBy(() -> registration.register(controlPlane.gatewayUrl(), controlPlane.registrationToken,
                            "test-host", true))
                    .isInstanceOf(ControlPlaneUnavailable.class)
                    .hasMessageContaining("registration token was refused")
                    .hasMessageContaining("invalid or used");
            Assertions.assertThatThrownBy(() -> registration.register(controlPlane.gatewayUrl(), "other", "test-host", false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("registered already");
        }
    }

    @Test
    void sendsAnInventoryOnlyOnceTheEngineAnswers() {
        startAgent(Map.of());
        sleep(1500);
        assertThat(controlPlane.all(Inventory.class, 0)).as("no engine, no (misleading empty) inventory").isEmpty();
    }

    @Test
    void reportsDownOnItsHealthEndpointWithoutAnEngine() throws Exception {
        startAgent(Map.of());
        int port = agent.context().getBean(io.micronaut.runtime.server.EmbeddedServer.class).getPort();
        try (java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            java.net.http.HttpResponse<String> missing = http.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/nothing")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"", "\"reachable\":false");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Type")).contains("application/problem+json");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
