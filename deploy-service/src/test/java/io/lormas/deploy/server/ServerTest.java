package io.lormas.deploy.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.contracts.agent.ContainerEvent.Kind;
import io.lormas.contracts.deploy.ServerAllocation;
import io.lormas.contracts.deploy.ServerCrashed;
import io.lormas.contracts.deploy.ServerCreated;
import io.lormas.contracts.deploy.ServerDeleted;
import io.lormas.contracts.deploy.ServerInstallFailed;
import io.lormas.contracts.deploy.ServerInstalled;
import io.lormas.contracts.deploy.ServerPlaced;
import io.lormas.contracts.deploy.ServerStarted;
import io.lormas.contracts.deploy.ServerStopped;
import io.lormas.contracts.deploy.ServerSuspended;

class ServerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CrashPolicy POLICY = new CrashPolicy(true, Duration.ofMinutes(10), 3, Duration.ofSeconds(5),
            Duration.ofMinutes(1));

    static Server newServer(boolean waitsForReady) {
        return Server.create(UUID.randomUUID(), "mc", UUID.randomUUID(), UUID.randomUUID(), 3, UUID.randomUUID(), "eu-1",
                UUID.randomUUID(), "img", "./start", new Server.Resources(1000, 1024, 0, 2048, 500, 1), waitsForReady,
                true, List.of(new ServerAllocation("10.0.0.1", 25565)), T0);
    }

    /** Completes the pending command with success and returns its action. */
    static void succeed(Server server, Action action) {
        server.commandCompleted(server.pendingCommandId(), action, true, List.of(), null, null, T0);
    }

    static Server stopped() {
        Server server = newServer(false);
        succeed(server, Action.INSTALL);
        server.drainEvents();
        server.drainOrders();
        return server;
    }

    static Server running() {
        Server server = stopped();
        server.requestPower(PowerSignal.START);
        succeed(server, Action.START);
        server.drainEvents();
        server.drainOrders();
        return server;
    }

    static List<Class<?>> types(List<LormasEvent> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void startsInstallingWithCreatedAndPlacedEventsAndAnInstallCommand() {
        Server server = newServer(false);

        assertThat(server.state()).isEqualTo(ServerState.INSTALLING);
        assertThat(types(server.drainEvents())).containsExactly(ServerCreated.class, ServerPlaced.class);
        List<AgentOrder> orders = server.drainOrders();
        assertThat(orders).extracting(AgentOrder::action).containsExactly(Action.INSTALL);
        assertThat(server.pendingCommandId()).isEqualTo(orders.getFirst().commandId());
    }

    @Test
    void becomesStoppedWhenTheInstallSucceedsAndCreatesTheContainer() {
        Server server = newServer(false);
        server.drainOrders();

        succeed(server, Action.INSTALL);

        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        assertThat(types(server.drainEvents())).contains(ServerInstalled.class);
        assertThat(server.drainOrders()).singleElement().satisfies(order -> {
            assertThat(order.action()).isEqualTo(Action.CREATE);
            assertThat(order.drivesLifecycle()).isFalse();
        });
        assertThat(server.pendingCommandId()).isNull();
    }

    @Test
    void becomesInstallFailedWhenTheInstallFails() {
        Server server = newServer(false);
        server.drainEvents();

        server.commandCompleted(server.pendingCommandId(), Action.INSTALL, false, List.of(), Lifecycle.INSTALLING,
                "install_failed", T0);

        assertThat(server.state()).isEqualTo(ServerState.INSTALL_FAILED);
        assertThat(server.drainEvents()).singleElement().isInstanceOfSatisfying(ServerInstallFailed.class,
                e -> assertThat(e.reason()).isEqualTo("install_failed"));
    }

    @Test
    void rejectsStartWhileInstalling() {
        Server server = newServer(false);

        assertThatThrownBy(() -> server.requestPower(PowerSignal.START)).isInstanceOf(ServerConflict.class)
                .hasMessageContaining("while it is installing");
    }

    @Test
    void runsAfterTheStartResultWhenTheEggHasNoStartupDoneText() {
        Server server = stopped();

        server.requestPower(PowerSignal.START);
        assertThat(server.state()).isEqualTo(ServerState.STARTING);
        assertThat(server.drainOrders()).extracting(AgentOrder::action).containsExactly(Action.START);
        succeed(server, Action.START);

        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
        assertThat(types(server.drainEvents())).containsExactly(ServerStarted.class);
    }

    @Test
    void waitsForReadyWhenTheEggNamesStartupDoneTexts() {
        Server server = newServer(true);
        succeed(server, Action.INSTALL);
        server.requestPower(PowerSignal.START);
        succeed(server, Action.START);
        server.containerReported(Kind.STARTED, null, false, T0, POLICY);
        assertThat(server.state()).isEqualTo(ServerState.STARTING);

        server.containerReported(Kind.READY, null, false, T0, POLICY);

        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void stopsThroughStoppingAndReportsStoppedOnce() {
        Server server = running();

        server.requestPower(PowerSignal.STOP);
        assertThat(server.state()).isEqualTo(ServerState.STOPPING);
        server.containerReported(Kind.DIED, 0, true, T0, POLICY);
        succeed(server, Action.STOP);

        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        assertThat(types(server.drainEvents())).containsExactly(ServerStopped.class);
    }

    @Test
    void rejectsStartWhenAlreadyRunningAndStopWhenStopped() {
        assertThatThrownBy(() -> running().requestPower(PowerSignal.START)).isInstanceOf(ServerConflict.class);
        assertThatThrownBy(() -> stopped().requestPower(PowerSignal.STOP)).isInstanceOf(ServerConflict.class);
    }

    @Test
    void killGetsThroughAHangingStop() {
        Server server = running();
        server.requestPower(PowerSignal.STOP);
        UUID stop = server.pendingCommandId();

        server.requestPower(PowerSignal.KILL);
        UUID kill = server.pendingCommandId();
        assertThat(kill).isNotEqualTo(stop);
        succeed(server, Action.KILL);

        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
    }

    @Test
    void ignoresTheLateResultOfASupersededCommand() {
        Server server = stopped();
        server.requestPower(PowerSignal.START);
        UUID start = server.pendingCommandId();
        server.requestPower(PowerSignal.KILL);

        boolean moved = server.commandCompleted(start, Action.START, true, List.of(), Lifecycle.STOPPED, null, T0);

        assertThat(moved).isFalse();
        assertThat(server.state()).isEqualTo(ServerState.STOPPING);
    }

    @Test
    void goesBackToRunningWhenAStopFails() {
        Server server = running();
        server.requestPower(PowerSignal.STOP);

        server.commandCompleted(server.pendingCommandId(), Action.STOP, false, List.of(), Lifecycle.RUNNING,
                "engine_unavailable", T0);

        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void restartsThroughStopCreateAndStartWhenTheSpecChanged() {
        Server server = running();
        server.specChanged();

        server.requestPower(PowerSignal.RESTART);
        AgentOrder stop = server.drainOrders().getFirst();
        assertThat(stop.action()).isEqualTo(Action.STOP);
        assertThat(stop.followUps()).containsExactly(Action.CREATE, Action.START);
        server.containerReported(Kind.DIED, 0, true, T0, POLICY);
        assertThat(server.state()).isEqualTo(ServerState.STARTING);

        server.commandCompleted(stop.commandId(), Action.STOP, true, stop.followUps(), stop.lifecycleBefore(), null, T0);
        AgentOrder create = server.drainOrders().getFirst();
        assertThat(create.action()).isEqualTo(Action.CREATE);
        server.commandCompleted(create.commandId(), Action.CREATE, true, create.followUps(), null, null, T0);
        AgentOrder start = server.drainOrders().getFirst();
        assertThat(start.action()).isEqualTo(Action.START);
        server.commandCompleted(start.commandId(), Action.START, true, List.of(), null, null, T0);

        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void crashesAndSchedulesARestartWithBackoff() {
        Server server = running();

        server.containerReported(Kind.DIED, 137, false, T0, POLICY);

        assertThat(server.state()).isEqualTo(ServerState.CRASHED);
        assertThat(server.nextRestartAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(server.drainEvents()).singleElement().isInstanceOfSatisfying(ServerCrashed.class, crashed -> {
            assertThat(crashed.exitCode()).isEqualTo(137);
            assertThat(crashed.willRestart()).isTrue();
        });
        assertThat(server.restartIfDue(T0.plusSeconds(4))).isFalse();
        assertThat(server.restartIfDue(T0.plusSeconds(5))).isTrue();
        assertThat(server.state()).isEqualTo(ServerState.STARTING);
        assertThat(server.drainOrders()).extracting(AgentOrder::action).containsExactly(Action.START);
    }

    @Test
    void stopsRestartingInACrashLoop() {
        Server server = running();
        Instant now = T0;
        for (int crash = 1; crash <= 3; crash++) {
            server.containerReported(Kind.DIED, 1, false, now, POLICY);
            assertThat(server.nextRestartAt()).isEqualTo(now.plusSeconds(5L << (crash - 1)));
            now = server.nextRestartAt();
            server.restartIfDue(now);
            succeed(server, Action.START);
        }

        server.containerReported(Kind.OOM, null, false, now, POLICY);

        assertThat(server.state()).isEqualTo(ServerState.CRASHED);
        assertThat(server.nextRestartAt()).isNull();
        assertThat(server.drainEvents()).filteredOn(ServerCrashed.class::isInstance).last()
                .isInstanceOfSatisfying(ServerCrashed.class, c -> {
                    assertThat(c.willRestart()).isFalse();
                    assertThat(c.reason()).isEqualTo("oom");
                });
    }

    @Test
    void forgetsOldCrashesOutsideTheWindow() {
        Server server = running();
        server.containerReported(Kind.DIED, 1, false, T0, POLICY);
        server.restartIfDue(T0.plusSeconds(5));
        succeed(server, Action.START);

        server.containerReported(Kind.DIED, 1, false, T0.plus(Duration.ofHours(1)), POLICY);

        assertThat(server.crashCount()).isEqualTo(1);
    }

    @Test
    void suspendingStopsAndBlocksPowerUntilResumed() {
        Server server = running();

        server.suspend("unpaid", T0);
        assertThat(server.state()).isEqualTo(ServerState.SUSPENDED);
        assertThat(server.drainOrders()).extracting(AgentOrder::action).containsExactly(Action.STOP);
        assertThatThrownBy(() -> server.requestPower(PowerSignal.START)).isInstanceOf(ServerConflict.class)
                .hasMessageContaining("suspended (unpaid)");
        succeed(server, Action.STOP);
        assertThat(server.state()).isEqualTo(ServerState.SUSPENDED);
        assertThat(types(server.drainEvents())).containsExactly(ServerSuspended.class, ServerStopped.class);

        server.resume(T0);
        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        assertThatThrownBy(() -> server.resume(T0)).isInstanceOf(ServerConflict.class);
    }

    @Test
    void showsNodeOfflineAndKeepsWhatItWasDoing() {
        Server server = running();

        server.nodeWentOffline();
        assertThat(server.state()).isEqualTo(ServerState.NODE_OFFLINE);
        assertThatThrownBy(() -> server.requestPower(PowerSignal.STOP)).isInstanceOf(ServerConflict.class)
                .hasMessageContaining("offline");
        server.nodeCameOnline();

        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void deletesOnceTheAgentConfirms() {
        Server server = running();

        server.delete(true);
        assertThat(server.state()).isEqualTo(ServerState.DELETING);
        AgentOrder delete = server.drainOrders().getFirst();
        assertThat(delete.removeData()).isTrue();
        assertThatThrownBy(() -> server.delete(false)).isInstanceOf(ServerConflict.class);
        assertThatThrownBy(() -> server.requestPower(PowerSignal.START)).isInstanceOf(ServerConflict.class);
        succeed(server, Action.DELETE);

        assertThat(server.gone()).isTrue();
        assertThat(types(server.drainEvents())).containsExactly(ServerDeleted.class);
    }

    @Test
    void reconcilesAMissingContainerOfARunningServerByRecreatingAndStartingIt() {
        Server server = running();

        String outcome = server.reconcile(null, null, T0, POLICY);

        assertThat(outcome).contains("recreated and started");
        AgentOrder create = server.drainOrders().getFirst();
        assertThat(create.action()).isEqualTo(Action.CREATE);
        assertThat(create.followUps()).containsExactly(Action.START);
        assertThat(server.state()).isEqualTo(ServerState.STARTING);
    }

    @Test
    void reconcilesAContainerFoundExitedUnderARunningServerAsACrash() {
        Server server = running();

        server.reconcile("exited", 1, T0, POLICY);

        assertThat(server.state()).isEqualTo(ServerState.CRASHED);
        assertThat(server.nextRestartAt()).isNotNull();
    }

    @Test
    void reconcilesARunningContainerUnderAStoppedServerAsRunning() {
        Server server = stopped();

        server.reconcile("running", null, T0, POLICY);

        assertThat(server.state()).isEqualTo(ServerState.RUNNING);
    }

    @Test
    void leavesAServerWithAPendingCommandAloneWhenReconciling() {
        Server server = stopped();
        server.requestPower(PowerSignal.START);
        server.drainOrders();

        assertThat(server.reconcile(null, null, T0, POLICY)).isNull();
        assertThat(server.drainOrders()).isEmpty();
    }
}
