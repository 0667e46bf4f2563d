package io.lormas.agent.workload;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

import io.lormas.agent.config.AgentSettings;
import io.lormas.agent.config.EngineSettings;
import io.lormas.agent.runtime.ContainerDefinition;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.ContainerState;
import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.ServerSpec;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Create, start, stop, restart, kill and delete of servers. Every action but kill holds the server's power
 * lock; each is idempotent in effect (starting a running server or stopping a stopped one succeeds and says
 * so), so a command repeated after a lost result does no harm.
 */
@Singleton
final class ServerLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLifecycle.class);
    private static final long MIB = 1024L * 1024L;
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final Pattern SIGNAL = Pattern.compile("(SIG)?[A-Z0-9+]{1,12}");
    private static final ServerSpec.StopSpec DEFAULT_STOP = new ServerSpec.StopSpec(ServerSpec.StopSpec.Type.SIGNAL, "SIGTERM", 30);
    static final String HOME = "/home/container";

    private final ContainerRuntime runtime;
    private final ServerSpecs specs;
    private final DataDirectories directories;
    private final ConfigFiles configFiles;
    private final PowerLocks locks;
    private final AgentStops agentStops;
    private final ConsoleOutput output;
    private final ServerConsole console;
    private final NodeImages images;
    private final NodeIdentity node;
    private final AgentSettings settings;
    private final EngineSettings engine;
    private final DiskUsage disk;

    ServerLifecycle(ContainerRuntime runtime, ServerSpecs specs, DataDirectories directories, ConfigFiles configFiles,
            PowerLocks locks, AgentStops agentStops, ConsoleOutput output, ServerConsole console, NodeImages images,
            NodeIdentity node, AgentSettings settings, EngineSettings engine, DiskUsage disk) {
        this.runtime = runtime;
        this.specs = specs;
        this.directories = directories;
        this.configFiles = configFiles;
        this.locks = locks;
        this.agentStops = agentStops;
        this.output = output;
        this.console = console;
        this.images = images;
        this.node = node;
        this.settings = settings;
        this.engine = engine;
        this.disk = disk;
    }

    Map<String, Object> create(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        ServerSpec spec = requireValid(command.spec());
        try (PowerLocks.Held ignored = locks.acquire(serverId, "create")) {
            images.ensurePresent(spec.image());
            Optional<ContainerState> existing = runtime.inspect(ServerContainers.containerName(serverId));
            if (existing.isPresent()) {
                requireOwn(existing.get());
                if (existing.get().running()) {
                    throw new CommandFailure("server_running",
                            "server " + serverId + " is running; stop it before creating it again");
                }
            }
            specs.save(serverId, spec);
            Path dataDirectory = directories.ensure(serverId);
            ensureNetwork(spec.ownerId());
            if (existing.isPresent()) {
                runtime.remove(existing.get().id());
            }
            String containerId = runtime.create(definition(serverId, spec, dataDirectory));
            LOG.info("created server {} as container {}", serverId, containerId);
            return Map.of("containerId", containerId, "container", ServerContainers.containerName(serverId),
                    "dataDirectory", dataDirectory.toString());
        }
    }

    Map<String, Object> start(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        try (PowerLocks.Held ignored = locks.acquire(serverId, "start")) {
            return startLocked(serverId);
        }
    }

    Map<String, Object> stop(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        try (PowerLocks.Held ignored = locks.acquire(serverId, "stop")) {
            return stopLocked(serverId, command.timeoutSeconds());
        }
    }

    Map<String, Object> restart(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        try (PowerLocks.Held ignored = locks.acquire(serverId, "restart")) {
            Map<String, Object> stopped = stopLocked(serverId, command.timeoutSeconds());
            Map<String, Object> result = new LinkedHashMap<>(startLocked(serverId));
            result.put("stop", stopped);
            return result;
        }
    }

    /** Kill takes no lock: it must get through while a stop hangs. */
    Map<String, Object> kill(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        Optional<ContainerState> found = containerOfKnownServer(serverId);
        if (found.isEmpty() || !found.get().running()) {
            return alreadyStopped(found);
        }
        ContainerState container = found.get();
        agentStops.expect(serverId);
        runtime.signal(container.id(), "SIGKILL");
        OptionalInt exit = awaitEndOfRun(container, KILL_WAIT);
        if (exit.isEmpty()) {
            throw new CommandFailure("kill_failed", "server " + serverId + " still runs after SIGKILL");
        }
        return Map.of("state", "stopped", "exitCode", exit.getAsInt());
    }

    /**
     * Waits until the run that was signalled ended. Polls instead of the engine's wait, because a start queued
     * behind a stop may run the container again at once: a wait would then follow the new run, not the killed one.
     */
    private OptionalInt awaitEndOfRun(ContainerState run, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ContainerState> now = runtime.inspect(run.id());
            if (now.isEmpty()) {
                return OptionalInt.of(-1);
            }
            if (!now.get().running()) {
                return OptionalInt.of(now.get().exitCode() == null ? -1 : now.get().exitCode());
            }
            if (run.startedAt() != null && !run.startedAt().equals(now.get().startedAt())) {
                return OptionalInt.of(137); // the killed run ended and a queued start already ran a new one
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    Map<String, Object> delete(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        boolean removeData = Boolean.TRUE.equals(command.removeData());
        try (PowerLocks.Held ignored = locks.acquire(serverId, "delete")) {
            Optional<ServerSpec> spec = specs.find(serverId);
            Optional<ContainerState> container = runtime.inspect(ServerContainers.containerName(serverId));
            container.ifPresent(this::requireOwn);
            if (spec.isEmpty() && container.isEmpty() && !(removeData && directories.exists(serverId))) {
                // Deleting what is gone is done: say so instead of failing, so deletion can complete.
                return Map.of("deleted", false, "reason", "unknown_server");
            }
            String ownerId = spec.map(ServerSpec::ownerId)
                    .orElseGet(() -> container.map(c -> c.labels().get(ServerContainers.OWNER)).orElse(null));
            output.stopFollowing(serverId);
            console.detach(serverId);
            if (container.isPresent()) {
                agentStops.expect(serverId);
                runtime.remove(container.get().id());
            }
            runtime.remove(ServerContainers.installContainerName(serverId));
            specs.remove(serverId);
            disk.forget(serverId);
            boolean dataRemoved = removeData && directories.delete(serverId);
            if (ownerId != null) {
                removeNetworkIfUnused(ownerId);
            }
            return Map.of("deleted", true, "containerRemoved", container.isPresent(), "dataRemoved", dataRemoved);
        }
    }

    /** Stops a server that went over its disk limit; used by the disk monitor, under the server's lock. */
    void stopForDiskLimit(String serverId) {
        try (PowerLocks.Held ignored = locks.acquire(serverId, "disk limit stop")) {
            stopLocked(serverId, null);
        }
    }

    private Map<String, Object> startLocked(String serverId) {
        Optional<ServerSpec> spec = specs.find(serverId);
        Optional<ContainerState> container = runtime.inspect(ServerContainers.containerName(serverId));
        if (spec.isEmpty() && container.isEmpty()) {
            throw unknown(serverId);
        }
        container.ifPresent(this::requireOwn);
        List<String> startupDone = spec.map(ServerSpec::startupDone).orElse(List.of());
        if (container.isPresent() && container.get().running()) {
            output.follow(serverId, container.get().id(), Instant.now(), startupDone);
            return Map.of("containerId", container.get().id(), "state", "running", "alreadyRunning", true);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        String containerId;
        if (spec.isPresent()) {
            disk.requireWithinLimit(serverId, spec.get());
            result.put("configFiles", configFiles.apply(serverId, spec.get()));
        }
        if (container.isPresent()) {
            containerId = container.get().id();
        } else {
            // Known but never created (or removed by hand): create it from the spec, as wings does.
            ServerSpec known = spec.orElseThrow();
            images.ensurePresent(known.image());
            Path dataDirectory = directories.ensure(serverId);
            ensureNetwork(known.ownerId());
            containerId = runtime.create(definition(serverId, known, dataDirectory));
        }
        agentStops.forget(serverId);
        console.detach(serverId);
        Instant since = Instant.now();
        runtime.start(containerId);
        output.follow(serverId, containerId, since, startupDone);
        result.put("containerId", containerId);
        result.put("state", "running");
        return result;
    }

    private Map<String, Object> stopLocked(String serverId, @Nullable Integer timeoutSeconds) {
        Optional<ContainerState> found = containerOfKnownServer(serverId);
        if (found.isEmpty() || !found.get().running()) {
            return alreadyStopped(found);
        }
        ContainerState container = found.get();
        ServerSpec.StopSpec stop = specs.find(serverId).map(ServerSpec::stop).orElse(DEFAULT_STOP);
        Duration timeout = Duration.ofSeconds(timeoutSeconds != null ? timeoutSeconds : stop.timeoutSeconds());
        agentStops.expect(serverId);
        String how = sendStop(serverId, container.id(), stop);
        OptionalInt exit = runtime.awaitExit(container.id(), timeout);
        boolean killed = false;
        if (exit.isEmpty()) {
            LOG.info("server {} did not stop within {} s after {}; killing it", serverId, timeout.toSeconds(), how);
            agentStops.expect(serverId);
            runtime.signal(container.id(), "SIGKILL");
            exit = runtime.awaitExit(container.id(), KILL_WAIT);
            killed = true;
            if (exit.isEmpty()) {
                throw new CommandFailure("stop_failed", "server " + serverId + " still runs after SIGKILL");
            }
        }
        console.detach(serverId);
        return Map.of("state", "stopped", "exitCode", exit.getAsInt(), "killed", killed, "stoppedWith", how);
    }

    private String sendStop(String serverId, String containerId, ServerSpec.StopSpec stop) {
        if (stop.type() == ServerSpec.StopSpec.Type.COMMAND) {
            try {
                console.write(serverId, containerId, stop.value());
                return "console command '" + stop.value() + "'";
            } catch (RuntimeFailure e) {
                LOG.warn("cannot write the stop command to server {} ({}); sending SIGTERM", serverId, e.getMessage());
                runtime.signal(containerId, "SIGTERM");
                return "SIGTERM";
            }
        }
        String signal = signalName(stop.value());
        runtime.signal(containerId, signal);
        return signal;
    }

    /** Egg stop values: {@code ^C} (Pterodactyl's SIGINT), {@code SIGTERM}, {@code TERM}. */
    static String signalName(String value) {
        String upper = value.strip().toUpperCase();
        if (upper.equals("^C")) {
            return "SIGINT";
        }
        if (!SIGNAL.matcher(upper).matches()) {
            throw new CommandFailure("invalid_command", "stop signal '" + value + "' is not a signal name");
        }
        return upper.startsWith("SIG") ? upper : "SIG" + upper;
    }

    ContainerDefinition definition(String serverId, ServerSpec spec, Path dataDirectory) {
        List<ContainerDefinition.PortBinding> ports = new ArrayList<>();
        for (ServerSpec.Allocation allocation : spec.allocations()) {
            ports.add(new ContainerDefinition.PortBinding(allocation.ip(), allocation.port(), "tcp"));
            ports.add(new ContainerDefinition.PortBinding(allocation.ip(), allocation.port(), "udp"));
        }
        return new ContainerDefinition(
                ServerContainers.containerName(serverId),
                spec.image(),
                spec.command(),
                null,
                environment(serverId, spec),
                ServerContainers.labels(node.nodeId(), serverId, spec.ownerId(), ServerContainers.KIND_SERVER),
                settings.containerUser(),
                HOME,
                List.of(new ContainerDefinition.BindMount(dataDirectory.toString(), HOME, false)),
                resources(spec.limits()),
                ports,
                spec.capabilities(),
                ServerContainers.networkName(spec.ownerId()),
                Map.of("/tmp", "rw,exec,nosuid,nodev,size=" + engine.tmpfsSizeMib() + "m"),
                true);
    }

    /** The variables Pterodactyl gives every server, overridden by the egg's own. */
    static Map<String, String> environment(String serverId, ServerSpec spec) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_MEMORY", Long.toString(spec.limits().memoryMib()));
        environment.put("P_SERVER_UUID", serverId);
        environment.put("HOME", HOME);
        if (!spec.allocations().isEmpty()) {
            environment.put("SERVER_IP", spec.allocations().getFirst().ip());
            environment.put("SERVER_PORT", Integer.toString(spec.allocations().getFirst().port()));
        }
        environment.putAll(spec.environment());
        return environment;
    }

    static ContainerDefinition.Resources resources(ServerSpec.Limits limits) {
        long memory = limits.memoryMib() * MIB;
        long memoryAndSwap = limits.swapMib() < 0 ? -1 : memory + limits.swapMib() * MIB;
        int ioWeight = limits.ioWeight() <= 0 ? 0 : Math.clamp(limits.ioWeight(), 10, 1000);
        return new ContainerDefinition.Resources(memory, memoryAndSwap, limits.cpuMillis() * 1_000_000L,
                limits.pidsLimit(), ioWeight);
    }

    private ServerSpec requireValid(@Nullable ServerSpec spec) {
        if (spec == null) {
            throw new CommandFailure("invalid_command", "'spec' is required");
        }
        ServerContainers.requireId(spec.ownerId(), "spec.ownerId");
        Set<String> seen = new HashSet<>();
        for (ServerSpec.Allocation allocation : spec.allocations()) {
            try {
                InetAddress.ofLiteral(allocation.ip());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure("invalid_command", "allocation ip '" + allocation.ip() + "' is not an IP address");
            }
            if (!seen.add(allocation.ip() + ":" + allocation.port())) {
                throw new CommandFailure("invalid_command", "allocation " + allocation.ip() + ":" + allocation.port() + " is listed twice");
            }
        }
        for (ServerSpec.ConfigFile file : spec.configFiles()) {
            DataDirectories.componentsOf(file.path());
        }
        signalOrCommand(spec.stop());
        return spec;
    }

    private static void signalOrCommand(ServerSpec.StopSpec stop) {
        if (stop.type() == ServerSpec.StopSpec.Type.SIGNAL) {
            signalName(stop.value());
        } else if (stop.value().indexOf('\n') >= 0 || stop.value().indexOf('\r') >= 0) {
            throw new CommandFailure("invalid_command", "the stop command must be one line");
        }
    }

    private void ensureNetwork(String ownerId) {
        Map<String, String> labels = new LinkedHashMap<>(ServerContainers.managedBy(node.nodeId()));
        labels.put(ServerContainers.OWNER, ownerId);
        runtime.ensureNetwork(ServerContainers.networkName(ownerId), labels);
    }

    private void removeNetworkIfUnused(String ownerId) {
        // Docker removes a network even while stopped containers still name it; they would not start again.
        if (runtime.list(Map.of(ServerContainers.OWNER, ownerId)).isEmpty()) {
            runtime.removeNetworkIfUnused(ServerContainers.networkName(ownerId));
        }
    }

    /** The server's container, empty when the server is known but has none; unknown servers fail. */
    private Optional<ContainerState> containerOfKnownServer(String serverId) {
        Optional<ContainerState> container = runtime.inspect(ServerContainers.containerName(serverId));
        if (container.isEmpty() && specs.find(serverId).isEmpty()) {
            throw unknown(serverId);
        }
        container.ifPresent(this::requireOwn);
        return container;
    }

    private static Map<String, Object> alreadyStopped(Optional<ContainerState> container) {
        return Map.of("state", "stopped", "alreadyStopped", true, "exitCode", container.map(ServerLifecycle::exitCode).orElse(-1));
    }

    private CommandFailure unknown(String serverId) {
        return specs.find(serverId).isPresent()
                ? new CommandFailure("not_created", "server " + serverId + " has no container; send create first")
                : new CommandFailure("unknown_server", "server " + serverId + " is not known on this node");
    }

    /** A container of that name made by another agent (another node on the same engine) is not touched. */
    private void requireOwn(ContainerState container) {
        if (!node.nodeId().equals(container.labels().get(ServerContainers.NODE))) {
            throw new CommandFailure("conflict", "container " + container.name() + " exists but belongs to another node");
        }
    }

    private static int exitCode(ContainerState container) {
        return container.exitCode() == null ? -1 : container.exitCode();
    }
}
