package io.lormas.agent.workload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.lormas.agent.config.EngineSettings;
import io.lormas.agent.config.InstallSettings;
import io.lormas.agent.config.StateDirectory;
import io.lormas.agent.runtime.ContainerDefinition;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.ContainerState;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.ServerSpec;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an egg's install script as Pterodactyl does: in a separate container of the install image, the script
 * mounted read-only at {@code /mnt/install/install.sh}, the data directory at {@code /mnt/server}. Its output
 * is streamed as {@code console} frames with {@code source=install}; the result carries the exit code and fails
 * with {@code install_failed} when it is not 0. Afterwards the data directory is handed to the container user.
 */
@Singleton
final class ServerInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ServerInstaller.class);
    private static final long MIB = 1024L * 1024L;
    private static final int LAST_LINES = 20;

    private final ContainerRuntime runtime;
    private final ServerSpecs specs;
    private final DataDirectories directories;
    private final PowerLocks locks;
    private final ConsoleOutput output;
    private final NodeImages images;
    private final NodeIdentity node;
    private final StateDirectory state;
    private final InstallSettings settings;
    private final EngineSettings engine;

    ServerInstaller(ContainerRuntime runtime, ServerSpecs specs, DataDirectories directories, PowerLocks locks,
            ConsoleOutput output, NodeImages images, NodeIdentity node, StateDirectory state, InstallSettings settings,
            EngineSettings engine) {
        this.runtime = runtime;
        this.specs = specs;
        this.directories = directories;
        this.locks = locks;
        this.output = output;
        this.images = images;
        this.node = node;
        this.state = state;
        this.settings = settings;
        this.engine = engine;
    }

    Map<String, Object> install(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        ServerSpec spec = command.spec();
        if (spec == null) {
            throw new CommandFailure("invalid_command", "'spec' is required");
        }
        ServerContainers.requireId(spec.ownerId(), "spec.ownerId");
        try (PowerLocks.Held ignored = locks.acquire(serverId, "install")) {
            Optional<ContainerState> server = runtime.inspect(ServerContainers.containerName(serverId));
            if (server.isPresent() && server.get().running()) {
                throw new CommandFailure("server_running", "server " + serverId + " is running; stop it before installing");
            }
            specs.save(serverId, spec);
            ServerSpec.InstallSpec install = spec.install();
            if (install == null) {
                directories.ensure(serverId);
                return Map.of("exitCode", 0, "skipped", true);
            }
            images.ensurePresent(install.image());
            return run(serverId, spec, install);
        }
    }

    private Map<String, Object> run(String serverId, ServerSpec spec, ServerSpec.InstallSpec install) {
        Path dataDirectory = directories.ensure(serverId);
        Path scriptDirectory = writeScript(serverId, install.script());
        String name = ServerContainers.installContainerName(serverId);
        runtime.remove(name); // a leftover of an agent that died during an install
        Map<String, String> networkLabels = new LinkedHashMap<>(ServerContainers.managedBy(node.nodeId()));
        networkLabels.put(ServerContainers.OWNER, spec.ownerId());
        runtime.ensureNetwork(ServerContainers.networkName(spec.ownerId()), networkLabels);
        ServerSpec.Limits limits = spec.limits();
        long memory = Math.max(limits.memoryMib(), settings.minimumMemoryMib()) * MIB;
        ContainerDefinition definition = new ContainerDefinition(
                name,
                install.image(),
                List.of(install.entrypoint(), "/mnt/install/install.sh"),
                null,
                ServerLifecycle.environment(serverId, spec),
                ServerContainers.labels(node.nodeId(), serverId, spec.ownerId(), ServerContainers.KIND_INSTALL),
                settings.user(),
                "/mnt/server",
                List.of(new ContainerDefinition.BindMount(dataDirectory.toString(), "/mnt/server", false),
                        new ContainerDefinition.BindMount(scriptDirectory.toString(), "/mnt/install", true)),
                new ContainerDefinition.Resources(memory, -1, limits.cpuMillis() * 1_000_000L,
                        Math.max(limits.pidsLimit(), 512), 0),
                List.of(),
                settings.capabilities(),
                ServerContainers.networkName(spec.ownerId()),
                Map.of("/tmp", "rw,exec,nosuid,nodev,size=" + engine.tmpfsSizeMib() + "m"),
                false);
        ArrayDeque<String> lastLines = new ArrayDeque<>();
        ConsoleBatch batch = output.openInstall(serverId);
        CountDownLatch outputEnded = new CountDownLatch(1);
        String containerId = null;
        try {
            containerId = runtime.create(definition);
            runtime.start(containerId);
            long started = System.nanoTime();
            ContainerRuntime.Subscription subscription = runtime.followOutput(containerId, null, line -> {
                batch.offer(line, System.nanoTime());
                synchronized (lastLines) {
                    lastLines.add(line);
                    if (lastLines.size() > LAST_LINES) {
                        lastLines.poll();
                    }
                }
            }, outputEnded::countDown);
            OptionalInt exit = runtime.awaitExit(containerId, settings.timeout());
            boolean timedOut = exit.isEmpty();
            if (timedOut) {
                runtime.signal(containerId, "SIGKILL");
                exit = runtime.awaitExit(containerId, Duration.ofSeconds(10));
            }
            awaitQuietly(outputEnded, Duration.ofSeconds(5));
            subscription.close();
            int exitCode = exit.orElse(-1);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            List<String> tail;
            synchronized (lastLines) {
                tail = List.copyOf(lastLines);
            }
            LOG.info("install of server {} exited with {} after {} ms", serverId, exitCode, tookMillis);
            Map<String, Object> result = Map.of("exitCode", exitCode, "installMillis", tookMillis, "lastLines", tail);
            if (timedOut) {
                throw new CommandFailure("install_failed",
                        "the install script ran longer than " + settings.timeout().toMinutes() + " min and was killed", result);
            }
            if (exitCode != 0) {
                throw new CommandFailure("install_failed", "the install script exited with " + exitCode, result);
            }
            directories.chownAll(serverId);
            return result;
        } finally {
            output.closeInstall(serverId);
            if (containerId != null) {
                runtime.remove(containerId);
            }
            deleteQuietly(scriptDirectory);
        }
    }

    private Path writeScript(String serverId, String script) {
        Path directory = state.directory("install").resolve(serverId);
        try {
            deleteQuietly(directory);
            Files.createDirectories(directory);
            // Read by root in the install container only; the state directory above it stays 0700.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path file = directory.resolve("install.sh");
            Files.writeString(file, script.replace("\r\n", "\n"), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the install script of server " + serverId, e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // removed at the next install
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // absent
        }
    }

    private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
        try {
            latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
