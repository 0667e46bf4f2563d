package io.lormas.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.Console;
import io.lormas.contracts.agent.ContainerStatus;
import io.lormas.contracts.agent.Heartbeat;
import io.lormas.contracts.agent.Hello;
import io.lormas.contracts.agent.Inventory;
import io.lormas.contracts.agent.ServerSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's session with the control plane across restarts of either side, against a real engine. */
class ControlPlaneLinkIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    String dockerHost;
    FakeControlPlane controlPlane;
    RunningAgent agent;

    @BeforeEach
    void startAgent() {
        dockerHost = TestEngine.dockerHost();
        controlPlane = FakeControlPlane.start();
        agent = RunningAgent.start(controlPlane, root, dockerHost,
                Map.of("lormas.agent.console.lines-per-second", 50, "lormas.agent.console.burst-lines", 100));
        controlPlane.await(Inventory.class, i -> true, 0, WAIT);
    }

    @AfterEach
    void stopAgent() {
        if (agent != null) {
            agent.close();
        }
        if (controlPlane != null) {
            controlPlane.close();
            TestEngine.removeEverythingOf(dockerHost, controlPlane.nodeId);
        }
    }

    private String runningEchoServer() {
        String serverId = TestServers.newId();
        assertThat(controlPlane.execute(TestServers.create(serverId, TestServers.echoServer("owner-" + serverId.substring(0, 8))), WAIT)
                .status()).isEqualTo(CommandResult.Status.SUCCESS);
        assertThat(controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT).status())
                .isEqualTo(CommandResult.Status.SUCCESS);
        return serverId;
    }

    @Test
    void sendsItsInventoryAndKeepsItsResultsAcrossAnAgentRestart() {
        String serverId = TestServers.newId();
        Command create = TestServers.create(serverId, TestServers.echoServer("owner-" + serverId.substring(0, 8)));
        CommandResult created = controlPlane.execute(create, WAIT);
        Command start = TestServers.of(Command.Action.START, serverId);
        CommandResult started = controlPlane.execute(start, WAIT);
        assertThat(started.status()).isEqualTo(CommandResult.Status.SUCCESS);
        int mark = controlPlane.mark();

        agent.restart();

        controlPlane.await(Hello.class, h -> true, mark, WAIT);
        Inventory inventory = controlPlane.await(Inventory.class, i -> true, mark, WAIT);
        assertThat(inventory.containers()).extracting(ContainerStatus::serverId, ContainerStatus::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(serverId, "running"));
        assertThat(inventory.containers().getFirst().startedAt()).isNotNull();
        // Same ids after the restart: the recorded results, nothing executed again.
        assertThat(controlPlane.execute(create, WAIT)).isEqualTo(created);
        assertThat(controlPlane.execute(start, WAIT)).isEqualTo(started);
        // The restarted agent still streams the server's console.
        int beforeInput = controlPlane.mark();
        controlPlane.execute(TestServers.input(serverId, "after restart"), WAIT);
        controlPlane.await(Console.class, c -> c.lines().contains("echo: after restart"), beforeInput, WAIT);
        Heartbeat heartbeat = controlPlane.await(Heartbeat.class, h -> !h.containers().isEmpty(), mark, WAIT);
        assertThat(heartbeat.usage().memoryTotalMib()).isPositive();
    }

    @Test
    void reconnectsWithHelloAndInventoryAfterTheControlPlaneRestarts() {
        String serverId = runningEchoServer();
        long epochBefore = controlPlane.epoch();
        int mark = controlPlane.mark();

        controlPlane.restartSocket();

        controlPlane.await(Hello.class, h -> true, mark, WAIT);
        Inventory inventory = controlPlane.await(Inventory.class, i -> true, mark, WAIT);
        assertThat(inventory.containers()).extracting(ContainerStatus::serverId).containsExactly(serverId);
        assertThat(controlPlane.epoch()).isGreaterThan(epochBefore);
        assertThat(controlPlane.execute(TestServers.logs(serverId, 1), WAIT).status()).isEqualTo(CommandResult.Status.SUCCESS);
    }

    @Test
    void keepsANoisyServerFromFloodingTheControlPlane() throws Exception {
        String serverId = TestServers.newId();
        ServerSpec noisy = TestServers.spec("owner-" + serverId.substring(0, 8), "yes 'spam spam spam'",
                new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 5), null, List.of(), Map.of());
        controlPlane.execute(TestServers.create(serverId, noisy), WAIT);
        int mark = controlPlane.mark();
        long began = System.nanoTime();

        controlPlane.execute(TestServers.of(Command.Action.START, serverId), WAIT);
        Thread.sleep(3000);
        controlPlane.execute(TestServers.of(Command.Action.KILL, serverId), WAIT);
        double seconds = (System.nanoTime() - began) / 1e9;

        List<Console> frames = controlPlane.all(Console.class, mark).stream().filter(c -> c.serverId().equals(serverId)).toList();
        long lines = frames.stream().mapToLong(c -> c.lines().size()).sum();
        long dropped = frames.stream().mapToLong(Console::dropped).sum();
        assertThat(dropped).as("excess lines dropped and counted").isGreaterThan(1000);
        assertThat(lines).as("burst 100 + 50 lines/s").isLessThanOrEqualTo((long) (100 + 50 * seconds) + 10);
        assertThat(frames).allSatisfy(frame -> assertThat(frame.lines()).hasSizeLessThanOrEqualTo(200));
    }
}
