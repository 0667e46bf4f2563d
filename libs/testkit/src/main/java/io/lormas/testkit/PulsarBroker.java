package io.lormas.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Pulsar standalone broker in its own process (module {@code infra/pulsar-standalone}).
 * <p>
 * {@link #shared()} starts one broker per build and reuses it from every test JVM: it lives in
 * {@code target/test-pulsar} of the checkout, is found again through its {@code broker.json}, and exits by
 * itself when no test touched its lease for 15 minutes. Tests get isolation from {@link #createNamespace}.
 * {@link #dedicated} starts a private broker that a test may stop and start (data survives).
 */
public final class PulsarBroker {

    private static final Logger log = LoggerFactory.getLogger(PulsarBroker.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static volatile PulsarBroker shared;

    private final Path dataDir;
    private final boolean ownedByCaller;
    private final int brokerPort;
    private final int webPort;
    private final int bookkeeperPort;
    private @Nullable Process process;

    private PulsarBroker(Path dataDir, boolean ownedByCaller, int brokerPort, int webPort, int bookkeeperPort) {
        this.dataDir = dataDir;
        this.ownedByCaller = ownedByCaller;
        this.brokerPort = brokerPort;
        this.webPort = webPort;
        this.bookkeeperPort = bookkeeperPort;
    }

    /** The build's broker: reused when running, started otherwise. */
    public static PulsarBroker shared() {
        if (shared == null) {
            synchronized (PulsarBroker.class) {
                if (shared == null) {
                    shared = findOrStartShared();
                    startLeaseKeeper(shared.dataDir);
                }
            }
        }
        return shared;
    }

    /** A private broker on fresh ports with its data in {@code dataDir}; the caller stops it. */
    public static PulsarBroker dedicated(Path dataDir) {
        PulsarBroker broker = new PulsarBroker(dataDir, true, Ports.free(), Ports.free(), Ports.free());
        broker.start(true);
        return broker;
    }

    public String brokerUrl() {
        return "pulsar://127.0.0.1:" + brokerPort;
    }

    public String webUrl() {
        return "http://127.0.0.1:" + webPort;
    }

    /** Creates {@code lormas/<prefix>-<random>} (tenant {@code lormas} exists) and returns its name. */
    public String createNamespace(String prefix) {
        String namespace = "lormas/" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(webUrl() + "/admin/v2/namespaces/" + namespace))
                .PUT(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300 && response.statusCode() != 409) {
                throw new IllegalStateException("creating namespace " + namespace + " failed: HTTP "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("creating namespace " + namespace, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return namespace;
    }

    /** Stops a {@link #dedicated} broker (SIGTERM, then waits). */
    public void stop() {
        requireOwned();
        Process running = process;
        if (running != null) {
            running.destroy();
            try {
                if (!running.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    running.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** Starts a stopped {@link #dedicated} broker again on the same ports, keeping its data. */
    public void restart() {
        requireOwned();
        start(false);
    }

    private void requireOwned() {
        if (!ownedByCaller) {
            throw new IllegalStateException("the shared broker is not stopped or started by tests; use dedicated()");
        }
    }

    private static PulsarBroker findOrStartShared() {
        Path dir = RepositoryRoot.get().resolve("target/test-pulsar");
        try {
            Files.createDirectories(dir);
            try (FileChannel lockFile = FileChannel.open(dir.resolveSibling("test-pulsar.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = lockFile.lock()) {
                PulsarBroker running = readRunning(dir);
                if (running != null) {
                    log.info("tests reuse the Pulsar broker at {}", running.brokerUrl());
                    touch(dir.resolve("lease"));
                    return running;
                }
                PulsarBroker broker = new PulsarBroker(dir, false, Ports.free(), Ports.free(), Ports.free());
                broker.start(true);
                return broker;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test Pulsar broker in " + dir, e);
        }
    }

    private static @Nullable PulsarBroker readRunning(Path dir) {
        Path file = dir.resolve("broker.json");
        if (!Files.exists(file)) {
            return null;
        }
        try {
            JsonNode facts = JSON.readTree(Files.readString(file));
            long pid = facts.path("pid").asLong();
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                int broker = URI.create(facts.path("brokerUrl").asString().replace("pulsar://", "http://")).getPort();
                int web = URI.create(facts.path("webUrl").asString()).getPort();
                PulsarBroker candidate = new PulsarBroker(dir, false, broker, web, -1);
                if (candidate.healthy()) {
                    return candidate;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("ignoring stale broker.json: {}", e.toString());
        }
        return null;
    }

    private boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(webUrl() + "/admin/v2/tenants"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("lormas");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void start(boolean wipe) {
        Path root = RepositoryRoot.get();
        Path module = root.resolve("infra/pulsar-standalone");
        Path jar = module.resolve("target/pulsar-standalone.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -pl infra/pulsar-standalone package)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(dataDir.resolve("broker.json"));
            for (String line : Files.readAllLines(module.resolve("jvm.options"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    command.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        command.addAll(List.of("-jar", jar.toString(), "--data-dir", dataDir.toString(),
                "--broker-port", Integer.toString(brokerPort), "--web-port", Integer.toString(webPort),
                "--bookkeeper-port", Integer.toString(bookkeeperPort)));
        if (wipe) {
            command.add("--wipe");
        }
        if (!ownedByCaller) {
            command.addAll(List.of("--idle-exit-minutes", "15"));
            touch(dataDir.resolve("lease"));
        }
        Path logFile = dataDir.resolve("broker.log");
        log.info("starting a Pulsar broker on {} (log: {})", brokerUrl(), logFile);
        Instant started = Instant.now();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the Pulsar broker", e);
        }
        while (Duration.between(started, Instant.now()).compareTo(START_TIMEOUT) < 0) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Pulsar broker exited with " + process.exitValue() + "; see " + logFile);
            }
            if (Files.exists(dataDir.resolve("broker.json")) && healthy()) {
                log.info("Pulsar broker ready in {} ms", Duration.between(started, Instant.now()).toMillis());
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the Pulsar broker was not ready within " + START_TIMEOUT + "; see " + logFile);
    }

    private static void startLeaseKeeper(Path dir) {
        Thread keeper = Thread.ofPlatform().daemon().name("pulsar-lease").unstarted(() -> {
            while (true) {
                touch(dir.resolve("lease"));
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        keeper.start();
    }

    private static void touch(Path lease) {
        try {
            if (!Files.exists(lease)) {
                Files.createFile(lease);
            }
            Files.setLastModifiedTime(lease, FileTime.from(Instant.now()));
        } catch (IOException e) {
            log.debug("touching {}: {}", lease, e.toString());
        }
    }
}
