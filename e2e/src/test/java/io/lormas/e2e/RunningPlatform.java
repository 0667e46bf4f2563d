package io.lormas.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code ./lormas up} in the checkout, exactly as README.md says, on its own ports and data directory so it
 * cannot meet a platform a developer is running. Its output is kept to explain a failure.
 */
final class RunningPlatform implements AutoCloseable {

    static final int GATEWAY_PORT = 18080;
    static final String URL = "http://localhost:" + GATEWAY_PORT;
    static final String ADMIN_EMAIL = "admin@e2e.lormas.test";
    static final String ADMIN_PASSWORD = "e2e-admin-password-1234";

    private final Path repository;
    private final Path home;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private Process process;
    private Thread reader;
    private Duration startTime;

    RunningPlatform(Path repository, Path home) {
        this.repository = repository;
        this.home = home;
    }

    static Path repository() {
        String configured = System.getProperty("lormas.repo.root");
        return configured != null ? Path.of(configured) : Path.of("..").toAbsolutePath().normalize();
    }

    Map<String, String> environment() {
        return Map.of(
                "LORMAS_HOME", home.toString(),
                "LORMAS_GATEWAY_PORT", Integer.toString(GATEWAY_PORT),
                "LORMAS_PORT_BASE", "19000",
                "LORMAS_PG_PORT", "25432",
                "LORMAS_REDIS_PORT", "26379",
                "LORMAS_PULSAR_PORT", "26650",
                "LORMAS_PULSAR_WEB_PORT", "26651",
                "LORMAS_BOOKKEEPER_PORT", "26652",
                "LORMAS_ADMIN_EMAIL", ADMIN_EMAIL,
                "LORMAS_ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    /** Starts the platform and waits for "Lormas is up"; returns how long it took. */
    Duration start(Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("./lormas", "up").directory(repository.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment());
        builder.environment().put("LORMAS_LOCAL_AGENT", "0"); // the journey registers its own agent
        Instant started = Instant.now();
        process = builder.start();
        reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                    System.out.println("[lormas] " + line);
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        Instant deadline = started.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output.stream().anyMatch(line -> line.startsWith("Lormas is up"))) {
                startTime = Duration.between(started, Instant.now());
                return startTime;
            }
            if (!process.isAlive()) {
                throw new AssertionError("./lormas up exited with " + process.exitValue() + ":\n" + String.join("\n", output));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("./lormas up was not up within " + timeout + ":\n" + String.join("\n", output));
    }

    List<String> output() {
        return output;
    }

    /** {@code ./lormas status} from another terminal: its lines, and whether it said everything is up. */
    record Status(List<String> lines, boolean allUp) {
    }

    Status status() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("./lormas", "status").directory(repository.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process status = builder.start();
        String text = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Status(text.lines().toList(), status.waitFor() == 0);
    }

    /** Kills one service the hard way (as a crash would); the launcher is expected to bring it back. */
    void kill(String component) throws IOException {
        long pid = Long.parseLong(Files.readString(home.resolve("run/" + component + ".pid")).trim());
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Resident memory of the platform's processes (the launcher and everything under it), in MiB. */
    long residentMemoryMib() {
        if (process == null) {
            return 0;
        }
        long kib = Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .mapToLong(RunningPlatform::rssKib).sum();
        return kib / 1024;
    }

    private static long rssKib(ProcessHandle handle) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + handle.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return 0;
    }

    /** Ctrl-C: SIGTERM to the launcher, which stops everything it started. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.toHandle().descendants().toList();
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(Duration.ofSeconds(10)); // the last lines ("lormas: stopped")
            long leftovers = children.stream().filter(ProcessHandle::isAlive).count();
            if (leftovers > 0) {
                children.forEach(ProcessHandle::destroyForcibly);
                throw new AssertionError(leftovers + " processes were still running after the platform stopped");
            }
        }
    }
}
