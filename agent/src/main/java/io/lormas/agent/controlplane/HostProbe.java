package io.lormas.agent.controlplane;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.sun.management.OperatingSystemMXBean;
import io.lormas.agent.config.AgentSettings;
import io.lormas.agent.runtime.EngineFacts;
import io.lormas.contracts.agent.HostFacts;
import io.lormas.contracts.agent.ResourceUsage;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/** Facts about the host for {@code hello}, and its usage for heartbeats, read from the JVM and {@code /proc}. */
@Singleton
public final class HostProbe {

    private static final long MIB = 1024L * 1024L;

    private final AgentSettings settings;
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public HostProbe(AgentSettings settings) {
        this.settings = settings;
    }

    public String hostname() {
        if (settings.hostname() != null && !settings.hostname().isBlank()) {
            return settings.hostname();
        }
        // The kernel's name first: InetAddress.getLocalHost() may wait for DNS on a host without resolver.
        Optional<String> kernel = readFirstLine(Path.of("/proc/sys/kernel/hostname")).filter(name -> !name.isBlank());
        if (kernel.isPresent()) {
            return kernel.get();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    public HostFacts facts(@Nullable EngineFacts engine) {
        String osName = osRelease().orElse(System.getProperty("os.name"));
        String cpuModel = cpuModel().orElse(null);
        FileStore store = dataStore();
        long diskMib = 0;
        try {
            diskMib = store == null ? 0 : store.getTotalSpace() / MIB;
        } catch (IOException ignored) {
            // unknown
        }
        return new HostFacts(hostname(), osName, System.getProperty("os.version"), System.getProperty("os.arch"),
                cpuModel, Runtime.getRuntime().availableProcessors(), memory()[0] / MIB, diskMib,
                engine == null ? null : engine.name(), engine == null ? null : engine.version());
    }

    public ResourceUsage usage() {
        double load = os.getCpuLoad();
        double cpuPercent = Double.isNaN(load) || load < 0 ? 0 : Math.round(load * 1000) / 10.0;
        long[] memory = memory();
        long diskTotal = 0;
        long diskUsed = 0;
        FileStore store = dataStore();
        if (store != null) {
            try {
                diskTotal = store.getTotalSpace();
                diskUsed = diskTotal - store.getUnallocatedSpace();
            } catch (IOException ignored) {
                // unknown
            }
        }
        return new ResourceUsage(cpuPercent, (memory[0] - memory[1]) / MIB, memory[0] / MIB, diskUsed / MIB,
                diskTotal / MIB);
    }

    /** Total and available memory in bytes; MemAvailable counts reclaimable caches, as operators expect. */
    private long[] memory() {
        long total = os.getTotalMemorySize();
        long available = os.getFreeMemorySize();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    total = kib(line) * 1024;
                } else if (line.startsWith("MemAvailable:")) {
                    available = kib(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the JVM's numbers will do
        }
        return new long[] {total, available};
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private @Nullable FileStore dataStore() {
        Path path = settings.dataPath();
        while (path != null && !Files.exists(path)) {
            path = path.getParent();
        }
        try {
            return path == null ? null : Files.getFileStore(path);
        } catch (IOException e) {
            return null;
        }
    }

    private static Optional<String> osRelease() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return Optional.of(line.substring("PRETTY_NAME=".length()).replace("\"", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not there
        }
        return Optional.empty();
    }

    private static Optional<String> cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return lines.stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readFirstLine(Path file) {
        try {
            return Files.readAllLines(file).stream().findFirst().map(String::strip);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
