package io.lormas.deploy.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.deploy.ServerAllocation;
import io.lormas.contracts.deploy.ServerCrashed;
import io.lormas.contracts.deploy.ServerCreated;
import io.lormas.contracts.deploy.ServerDeleted;
import io.lormas.contracts.deploy.ServerInstallFailed;
import io.lormas.contracts.deploy.ServerInstalled;
import io.lormas.contracts.deploy.ServerPlaced;
import io.lormas.contracts.deploy.ServerResumed;
import io.lormas.contracts.deploy.ServerStarted;
import io.lormas.contracts.deploy.ServerStopped;
import io.lormas.contracts.deploy.ServerSuspended;
import io.lormas.platform.id.Ids;

/**
 * A server: the aggregate that guards its own state. Requests (power, suspend, delete, reinstall) are refused
 * with {@link ServerConflict} when the state does not allow them; facts reported by the agent (command results,
 * container events, inventories) are applied leniently, because they already happened. Every change registers
 * the events to publish and the agent commands to send; {@link ServerManagement} writes both in the transaction
 * that stores the server.
 * <p>
 * Only the result of the server's pending command moves its lifecycle on: a late result of a superseded
 * command (a start overtaken by a kill) is recorded and otherwise ignored.
 */
public final class Server {

    private static final Set<Lifecycle> UP = EnumSet.of(Lifecycle.STARTING, Lifecycle.RUNNING);

    private final UUID id;
    private String name;
    private final UUID ownerId;
    private final UUID eggId;
    private final int eggVersion;
    private final UUID planId;
    private final String region;
    private final UUID nodeId;
    private String image;
    private final String startup;
    private final Resources resources;
    private Lifecycle lifecycle;
    private boolean suspended;
    private @Nullable String suspensionReason;
    private boolean nodeOffline;
    private @Nullable UUID pendingCommandId;
    private boolean specChanged;
    private final boolean waitsForReady;
    private @Nullable Instant installedAt;
    private boolean restartOnCrash;
    private int crashCount;
    private @Nullable Instant lastCrashAt;
    private @Nullable Instant nextRestartAt;
    private boolean removeData;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final int version;
    private boolean gone;

    private final List<LormasEvent> events = new ArrayList<>();
    private final List<AgentOrder> orders = new ArrayList<>();

    /** The limits a server was created with (copied from its plan). */
    public record Resources(long cpuMillis, long memoryMib, long swapMib, long diskMib, int ioWeight, int ports) {
    }

    private Server(ServerRow row) {
        this.id = row.id();
        this.name = row.name();
        this.ownerId = row.ownerId();
        this.eggId = row.eggId();
        this.eggVersion = row.eggVersion();
        this.planId = row.planId();
        this.region = row.region();
        this.nodeId = row.nodeId();
        this.image = row.image();
        this.startup = row.startup();
        this.resources = new Resources(row.cpuMillis(), row.memoryMib(), row.swapMib(), row.diskMib(), row.ioWeight(),
                row.portCount());
        this.lifecycle = Lifecycle.fromWire(row.lifecycle());
        this.suspended = row.suspended();
        this.suspensionReason = row.suspensionReason();
        this.nodeOffline = row.nodeOffline();
        this.pendingCommandId = row.pendingCommandId();
        this.specChanged = row.specChanged();
        this.waitsForReady = row.waitsForReady();
        this.installedAt = row.installedAt();
        this.restartOnCrash = row.restartOnCrash();
        this.crashCount = row.crashCount();
        this.lastCrashAt = row.lastCrashAt();
        this.nextRestartAt = row.nextRestartAt();
        this.removeData = row.removeData();
        this.createdAt = row.createdAt();
        this.updatedAt = row.updatedAt();
        this.version = row.version();
    }

    public static Server from(ServerRow row) {
        return new Server(row);
    }

    /**
     * A new server, already placed: it starts installing at once.
     *
     * @param waitsForReady the egg names startup-done texts
     */
    public static Server create(UUID id, String name, UUID ownerId, UUID eggId, int eggVersion, UUID planId,
            String region, UUID nodeId, String image, String startup, Resources resources, boolean waitsForReady,
            boolean restartOnCrash, List<ServerAllocation> allocations, Instant now) {
        Server server = new Server(new ServerRow(id, name, ownerId, eggId, eggVersion, planId, region, nodeId, image,
                startup, resources.cpuMillis(), resources.memoryMib(), resources.swapMib(), resources.diskMib(),
                resources.ioWeight(), resources.ports(), Lifecycle.INSTALLING.wire(), false, null, false, null, false,
                waitsForReady, null, restartOnCrash, 0, null, null, false, now, now, 0));
        server.events.add(new ServerCreated(id, ownerId, name, eggId, eggVersion, planId, region, now));
        server.events.add(new ServerPlaced(id, ownerId, planId, nodeId, allocations, resources.cpuMillis(),
                resources.memoryMib(), resources.diskMib(), now));
        server.order(Action.INSTALL, true, List.of(), Lifecycle.INSTALLING);
        return server;
    }

    // ---------------------------------------------------------------- what people ask for

    /** A power signal from a user (or the crash-restart job, as START). */
    public void requestPower(PowerSignal signal) {
        requireReachable();
        switch (signal) {
            case START -> {
                require(lifecycle == Lifecycle.STOPPED || lifecycle == Lifecycle.CRASHED, "start");
                start();
            }
            case STOP -> {
                if (lifecycle == Lifecycle.CRASHED) { // nothing runs: stopping only cancels an automatic restart
                    lifecycle = Lifecycle.STOPPED;
                    nextRestartAt = null;
                    return;
                }
                require(UP.contains(lifecycle), "stop");
                Lifecycle before = lifecycle;
                lifecycle = Lifecycle.STOPPING;
                order(Action.STOP, true, List.of(), before);
            }
            case KILL -> {
                if (lifecycle == Lifecycle.CRASHED) {
                    lifecycle = Lifecycle.STOPPED;
                    nextRestartAt = null;
                    return;
                }
                require(UP.contains(lifecycle) || lifecycle == Lifecycle.STOPPING, "kill");
                Lifecycle before = lifecycle == Lifecycle.STOPPING ? Lifecycle.RUNNING : lifecycle;
                lifecycle = Lifecycle.STOPPING;
                order(Action.KILL, true, List.of(), before);
            }
            case RESTART -> {
                require(UP.contains(lifecycle) || lifecycle == Lifecycle.STOPPED || lifecycle == Lifecycle.CRASHED,
                        "restart");
                Lifecycle before = lifecycle;
                boolean up = UP.contains(lifecycle);
                lifecycle = Lifecycle.STARTING;
                nextRestartAt = null;
                if (specChanged) { // the container must be recreated with the new spec between stop and start
                    specChanged = false;
                    if (up) {
                        order(Action.STOP, true, List.of(Action.CREATE, Action.START), before);
                    } else {
                        order(Action.CREATE, true, List.of(Action.START), before);
                    }
                } else {
                    order(Action.RESTART, true, List.of(), before);
                }
            }
        }
    }

    private void start() {
        Lifecycle before = lifecycle;
        lifecycle = Lifecycle.STARTING;
        nextRestartAt = null;
        if (specChanged) {
            specChanged = false;
            order(Action.CREATE, true, List.of(Action.START), before);
        } else {
            order(Action.START, true, List.of(), before);
        }
    }

    /** Runs the install script again (its data stays unless the script removes it). */
    public void reinstall() {
        requireReachable();
        require(lifecycle == Lifecycle.STOPPED || lifecycle == Lifecycle.CRASHED
                || lifecycle == Lifecycle.INSTALL_FAILED, "reinstall");
        Lifecycle before = lifecycle;
        lifecycle = Lifecycle.INSTALLING;
        nextRestartAt = null;
        specChanged = false; // the install command carries the current spec
        order(Action.INSTALL, true, List.of(), before);
    }

    /** Starts deleting: the agent removes the container (and the data when asked), then the server is gone. */
    public void delete(boolean withData) {
        if (lifecycle == Lifecycle.DELETING && pendingCommandId != null) {
            throw new ServerConflict("server " + id + " is already being deleted");
        }
        Lifecycle before = lifecycle;
        lifecycle = Lifecycle.DELETING;
        removeData = removeData || withData;
        nextRestartAt = null;
        order(Action.DELETE, true, List.of(), before);
    }

    /** Deleted without waiting for the agent (node gone for good): the agent is still told, best effort. */
    public void forceDelete(Instant now) {
        lifecycle = Lifecycle.DELETING;
        pendingCommandId = null;
        order(Action.DELETE, false, List.of(), null);
        deleted(now);
    }

    public void suspend(String reason, Instant now) {
        if (lifecycle == Lifecycle.DELETING) {
            throw new ServerConflict("server " + id + " is being deleted");
        }
        if (suspended) {
            throw new ServerConflict("server " + id + " is already suspended");
        }
        suspended = true;
        suspensionReason = reason;
        nextRestartAt = null;
        if (UP.contains(lifecycle)) {
            Lifecycle before = lifecycle;
            lifecycle = Lifecycle.STOPPING;
            order(Action.STOP, true, List.of(), before);
        }
        events.add(new ServerSuspended(id, ownerId, planId, nodeId, reason, now));
    }

    public void resume(Instant now) {
        if (!suspended) {
            throw new ServerConflict("server " + id + " is not suspended");
        }
        suspended = false;
        suspensionReason = null;
        events.add(new ServerResumed(id, ownerId, planId, nodeId, now));
    }

    public void rename(String newName) {
        if (lifecycle == Lifecycle.DELETING) {
            throw new ServerConflict("server " + id + " is being deleted");
        }
        this.name = newName;
    }

    /** Variables or image changed: the container is recreated with the new spec at the next start. */
    public void specChanged() {
        specChanged = true;
    }

    public void changeImage(String newImage) {
        this.image = newImage;
        specChanged = true;
    }

    // ---------------------------------------------------------------- what the agent reports

    /**
     * The result of a command. Ignored for the lifecycle unless it is the pending command.
     *
     * @return true when it moved the server
     */
    public boolean commandCompleted(UUID commandId, Action action, boolean success, List<Action> followUps,
            @Nullable Lifecycle lifecycleBefore, @Nullable String error, Instant now) {
        if (!commandId.equals(pendingCommandId)) {
            if (action == Action.CREATE && !success) {
                specChanged = true; // the agent still has the old spec
            }
            return false;
        }
        pendingCommandId = null;
        if (!success) {
            failed(action, lifecycleBefore, error, now);
            return true;
        }
        if (!followUps.isEmpty()) {
            order(followUps.getFirst(), true, followUps.subList(1, followUps.size()), lifecycleBefore);
            return true;
        }
        switch (action) {
            case INSTALL -> {
                if (lifecycle == Lifecycle.INSTALLING) {
                    lifecycle = Lifecycle.STOPPED;
                    installedAt = now;
                    events.add(new ServerInstalled(id, ownerId, planId, nodeId, now));
                    // the container exists before the first start, so inventories and reconciliation see it
                    order(Action.CREATE, false, List.of(), null);
                }
            }
            case START, RESTART -> {
                if (lifecycle == Lifecycle.STARTING && !waitsForReady) {
                    running(now);
                }
            }
            case STOP, KILL -> {
                if (lifecycle == Lifecycle.STOPPING) {
                    stopped(now);
                }
            }
            case DELETE -> deleted(now);
            case CREATE -> {
                if (lifecycle == Lifecycle.STARTING) { // a chain ended with create: nothing to start
                    lifecycle = Lifecycle.STOPPED;
                }
            }
            default -> {
            }
        }
        return true;
    }

    private void failed(Action action, @Nullable Lifecycle lifecycleBefore, @Nullable String error, Instant now) {
        switch (action) {
            case INSTALL -> {
                if (lifecycle == Lifecycle.INSTALLING) {
                    lifecycle = Lifecycle.INSTALL_FAILED;
                    events.add(new ServerInstallFailed(id, ownerId, planId, nodeId, error == null ? "failed" : error,
                            now));
                }
            }
            case START, RESTART, CREATE -> {
                if (action == Action.CREATE) {
                    specChanged = true;
                }
                if (lifecycle == Lifecycle.STARTING) {
                    lifecycle = Lifecycle.STOPPED;
                }
            }
            case STOP, KILL -> {
                // the container is most likely still up: show what it was doing before
                if (lifecycle == Lifecycle.STOPPING || lifecycle == Lifecycle.STARTING) {
                    lifecycle = lifecycleBefore != null && UP.contains(lifecycleBefore) ? lifecycleBefore
                            : Lifecycle.RUNNING;
                }
            }
            default -> {
                // delete: stays deleting without a pending command, so it can be asked again (and reconcile does)
            }
        }
    }

    /** A pending command got no answer in time. */
    public boolean commandTimedOut(UUID commandId, Action action, @Nullable Lifecycle lifecycleBefore, Instant now) {
        if (!commandId.equals(pendingCommandId)) {
            return false;
        }
        pendingCommandId = null;
        failed(action, lifecycleBefore, "timed_out", now);
        return true;
    }

    /** A container state change the agent saw. */
    public boolean containerReported(ContainerEvent.Kind kind, @Nullable Integer exitCode, boolean causedByAgent,
            Instant now, CrashPolicy policy) {
        Lifecycle before = lifecycle;
        switch (kind) {
            case STARTED -> {
                if (lifecycle == Lifecycle.STARTING && !waitsForReady) {
                    running(now);
                } else if ((lifecycle == Lifecycle.STOPPED || lifecycle == Lifecycle.CRASHED) && pendingCommandId == null) {
                    running(now); // started outside a command of ours: show what is true
                }
            }
            case READY -> {
                if (lifecycle == Lifecycle.STARTING) {
                    running(now);
                }
            }
            case DIED, OOM -> {
                if (lifecycle == Lifecycle.STOPPING) {
                    stopped(now);
                } else if (lifecycle == Lifecycle.RUNNING || (lifecycle == Lifecycle.STARTING && !causedByAgent)) {
                    if (causedByAgent && kind == ContainerEvent.Kind.DIED) {
                        stopped(now); // the agent stopped it on its own account, e.g. over its disk limit
                    } else {
                        crashed(exitCode, kind == ContainerEvent.Kind.OOM ? "oom" : "exited", now, policy);
                    }
                }
            }
            default -> {
            }
        }
        return before != lifecycle;
    }

    /**
     * Reconciles with what the node actually runs.
     *
     * @param container the container's engine state ({@code running}, {@code exited}, ...), null when missing
     * @return what was done, for the activity log; null when nothing
     */
    public @Nullable String reconcile(@Nullable String container, @Nullable Integer exitCode, Instant now,
            CrashPolicy policy) {
        if (pendingCommandId != null) {
            return null; // in flux: the pending command's result will say
        }
        switch (lifecycle) {
            case INSTALLING, INSTALL_FAILED -> {
                return null;
            }
            case DELETING -> {
                order(Action.DELETE, true, List.of(), null);
                return "asked the agent again to delete the server";
            }
            default -> {
            }
        }
        if (container == null) {
            if (UP.contains(lifecycle) && !suspended) {
                Lifecycle before = lifecycle;
                lifecycle = Lifecycle.STARTING;
                specChanged = false;
                order(Action.CREATE, true, List.of(Action.START), before);
                return "container was missing: recreated and started";
            }
            if (UP.contains(lifecycle) || lifecycle == Lifecycle.STOPPING) {
                stopped(now);
            }
            specChanged = false;
            order(Action.CREATE, false, List.of(), null);
            return "container was missing: recreated";
        }
        boolean running = "running".equals(container) || "restarting".equals(container);
        if (running) {
            if (suspended) {
                lifecycle = Lifecycle.STOPPING;
                order(Action.KILL, true, List.of(), Lifecycle.RUNNING);
                return "container of a suspended server was running: killed";
            }
            if (lifecycle != Lifecycle.RUNNING) {
                running(now);
                return "container was running";
            }
            return null;
        }
        if (UP.contains(lifecycle)) {
            crashed(exitCode, "exited", now, policy);
            return "container was found " + container;
        }
        if (lifecycle == Lifecycle.STOPPING) {
            stopped(now);
            return "container was found " + container;
        }
        return null;
    }

    /** The crash-restart job: restarts when the backoff has passed. */
    public boolean restartIfDue(Instant now) {
        if (lifecycle != Lifecycle.CRASHED || nextRestartAt == null || now.isBefore(nextRestartAt) || suspended
                || nodeOffline) {
            return false;
        }
        start();
        return true;
    }

    public void nodeWentOffline() {
        nodeOffline = true;
    }

    public void nodeCameOnline() {
        nodeOffline = false;
    }

    // ---------------------------------------------------------------- transitions

    private void deleted(Instant now) {
        gone = true;
        events.add(new ServerDeleted(id, ownerId, planId, nodeId, now));
    }

    private void running(Instant now) {
        lifecycle = Lifecycle.RUNNING;
        nextRestartAt = null;
        events.add(new ServerStarted(id, ownerId, planId, nodeId, now));
    }

    private void stopped(Instant now) {
        lifecycle = Lifecycle.STOPPED;
        events.add(new ServerStopped(id, ownerId, planId, nodeId, now));
    }

    private void crashed(@Nullable Integer exitCode, String reason, Instant now, CrashPolicy policy) {
        lifecycle = Lifecycle.CRASHED;
        boolean inWindow = lastCrashAt != null && !now.isAfter(lastCrashAt.plus(policy.window()));
        crashCount = inWindow ? crashCount + 1 : 1;
        lastCrashAt = now;
        boolean willRestart = policy.enabled() && restartOnCrash && !suspended && !nodeOffline
                && crashCount <= policy.maxRestarts();
        nextRestartAt = willRestart ? now.plus(policy.delayBefore(crashCount)) : null;
        events.add(new ServerCrashed(id, ownerId, planId, nodeId, exitCode, reason,
                willRestart, now));
    }

    private void order(Action action, boolean drivesLifecycle, List<Action> followUps, @Nullable Lifecycle before) {
        UUID commandId = Ids.newId();
        if (drivesLifecycle) {
            pendingCommandId = commandId;
        }
        orders.add(new AgentOrder(commandId, action, drivesLifecycle, followUps, before, removeData));
    }

    private void requireReachable() {
        if (lifecycle == Lifecycle.DELETING) {
            throw new ServerConflict("server " + id + " is being deleted");
        }
        if (suspended) {
            throw new ServerConflict("server " + id + " is suspended"
                    + (suspensionReason == null ? "" : " (" + suspensionReason + ")"));
        }
        if (nodeOffline) {
            throw new ServerConflict("the node of server " + id + " is offline; try again when it is back");
        }
    }

    private void require(boolean allowed, String what) {
        if (!allowed) {
            throw new ServerConflict("cannot " + what + " server " + id + " while it is " + state().wire());
        }
    }

    // ---------------------------------------------------------------- reading

    /** The state on the wire: deleting, then suspended, then node_offline, then the lifecycle. */
    public ServerState state() {
        if (lifecycle == Lifecycle.DELETING) {
            return ServerState.DELETING;
        }
        if (suspended) {
            return ServerState.SUSPENDED;
        }
        if (nodeOffline) {
            return ServerState.NODE_OFFLINE;
        }
        return ServerState.of(lifecycle);
    }

    /** Events registered since the last call, in order. */
    public List<LormasEvent> drainEvents() {
        List<LormasEvent> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** Agent commands registered since the last call, in order. */
    public List<AgentOrder> drainOrders() {
        List<AgentOrder> drained = List.copyOf(orders);
        orders.clear();
        return drained;
    }

    /** True once the agent confirmed the deletion (or it was forced): the row goes. */
    public boolean gone() {
        return gone;
    }

    public ServerRow toRow() {
        return new ServerRow(id, name, ownerId, eggId, eggVersion, planId, region, nodeId, image, startup,
                resources.cpuMillis(), resources.memoryMib(), resources.swapMib(), resources.diskMib(),
                resources.ioWeight(), resources.ports(), lifecycle.wire(), suspended, suspensionReason, nodeOffline,
                pendingCommandId, specChanged, waitsForReady, installedAt, restartOnCrash, crashCount, lastCrashAt,
                nextRestartAt, removeData, createdAt, updatedAt, version);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID eggId() {
        return eggId;
    }

    public int eggVersion() {
        return eggVersion;
    }

    public UUID planId() {
        return planId;
    }

    public String region() {
        return region;
    }

    public UUID nodeId() {
        return nodeId;
    }

    public String image() {
        return image;
    }

    public String startup() {
        return startup;
    }

    public Resources resources() {
        return resources;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public boolean suspended() {
        return suspended;
    }

    public @Nullable String suspensionReason() {
        return suspensionReason;
    }

    public boolean nodeOffline() {
        return nodeOffline;
    }

    public @Nullable UUID pendingCommandId() {
        return pendingCommandId;
    }

    public boolean removeData() {
        return removeData;
    }

    public @Nullable Instant nextRestartAt() {
        return nextRestartAt;
    }

    public int crashCount() {
        return crashCount;
    }

    public boolean restartOnCrash() {
        return restartOnCrash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int version() {
        return version;
    }
}
