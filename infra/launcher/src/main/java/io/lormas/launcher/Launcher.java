package io.lormas.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * {@code ./lormas up | down | status}: runs the whole platform on one machine and supervises it. {@code up} stays
 * in the foreground; Ctrl-C (or {@code ./lormas down} from another terminal) stops everything it started, in
 * reverse order. A service that dies is restarted (at most five times in ten minutes).
 */
public final class Launcher {

    private static final Duration SERVICE_START = Duration.ofMinutes(3);
    /**
     * identity-service's first-run line, in its plain or JSON log: the e-mail, then the generated password
     * (base64url) or a note that it came from LORMAS_ADMIN_PASSWORD. Quotes and backslashes end a match, so the
     * JSON around the message never becomes part of the password.
     */
    private static final Pattern FIRST_RUN_ADMIN = Pattern.compile(
            "Lormas first-run admin: ([^\\s\"\\\\]+) (?:/ ([A-Za-z0-9_-]+)|\\(password from LORMAS_ADMIN_PASSWORD\\))");
    private static final String SERVICE_JVM = "-Xmx256m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=192m "
            + "-XX:ReservedCodeCacheSize=64m -XX:+ExitOnOutOfMemoryError";

    private final LauncherSettings settings;
    private final List<ManagedProcess> started = new CopyOnWriteArrayList<>();
    private final EmbeddedInfrastructure embedded = new EmbeddedInfrastructure();
    private final Instant launchedAt = Instant.now();
    private volatile boolean stopping;
    private Secrets secrets;

    Launcher(LauncherSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Path repository = Path.of(System.getProperty("lormas.repository", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "up" : args[0];
        try {
            LauncherSettings settings = LauncherSettings.fromEnvironment(System.getenv(), repository);
            switch (command) {
                case "up" -> new Launcher(settings).up();
                case "down" -> down(settings);
                case "status" -> System.exit(status(settings) ? 0 : 1);
                default -> throw new LaunchException("unknown command '" + command + "': use up, down, status or logs <service>");
            }
        } catch (LaunchException e) {
            System.err.println("lormas: " + e.getMessage());
            System.exit(2);
        }
    }

    void up() {
        Path launcherPid = settings.run().resolve("launcher.pid");
        Optional<ProcessHandle> running = readPid(launcherPid);
        if (running.isPresent()) {
            throw new LaunchException("the platform is already running (launcher pid " + running.get().pid()
                    + "); see ./lormas status, or stop it with ./lormas down");
        }
        List<PlatformServices.Service> services = PlatformServices.present(settings.repository(), settings.portBase());
        requireBuilt(services);
        requireFreePorts(services);
        try {
            Files.createDirectories(settings.run());
            Files.writeString(launcherPid, Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new LaunchException("cannot write " + launcherPid + ": " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAll(launcherPid), "lormas-stop"));
        writeHealthUrls(services);
        secrets = Secrets.loadOrCreate(settings.home());

        progress("data directory " + settings.home());
        startInfrastructure(services);
        Map<String, String> env = PlatformServices.commonEnvironment(settings, secrets, services);

        List<ManagedProcess> serviceProcesses = new ArrayList<>();
        PlatformServices.Service first = services.getFirst();
        serviceProcesses.add(startService(first, env));
        // Own threads, not the common pool: it has a single worker on a 2-core machine.
        java.util.concurrent.ExecutorService starters = java.util.concurrent.Executors.newThreadPerTaskExecutor(
                Thread.ofPlatform().factory());
        List<CompletableFuture<ManagedProcess>> rest = services.stream().skip(1)
                .map(service -> CompletableFuture.supplyAsync(() -> startService(service, env), starters))
                .toList();
        for (CompletableFuture<ManagedProcess> future : rest) {
            try {
                serviceProcesses.add(future.join());
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof LaunchException launch ? launch : e;
            }
        }
        ManagedProcess gateway = startGateway(env);
        Optional<ManagedProcess> agent = LocalAgent.startIfEngineAvailable(settings, secrets, started);

        Optional<FirstRunAdmin> admin = firstRunAdmin(serviceProcesses.getFirst().logSinceStart());
        System.out.println();
        System.out.println("Lormas is up in " + Duration.between(launchedAt, Instant.now()).toSeconds() + " s: "
                + settings.publicUrl());
        System.out.println("  admin e-mail: " + admin.map(FirstRunAdmin::email).orElse(settings.adminEmail() != null
                ? settings.adminEmail() : "(see the first run's output)"));
        admin.map(FirstRunAdmin::generatedPassword).ifPresent(password ->
                System.out.println("  admin password (first run only, store it now): " + password));
        printHealth(serviceProcesses, gateway);
        agent.ifPresent(a -> System.out.println("  " + line("agent", "running (region 'local', engine "
                + settings.dockerHost() + ")")));
        System.out.println("Logs: ./lormas logs <component>   Stop: Ctrl-C or ./lormas down");
        supervise(env);
    }

    private void startInfrastructure(List<PlatformServices.Service> services) {
        if (settings.externalPostgres() == null) {
            progress("starting PostgreSQL on 127.0.0.1:" + settings.postgresPort());
            embedded.startPostgres(settings);
        } else {
            progress("using PostgreSQL at " + settings.externalPostgres());
        }
        EmbeddedInfrastructure.createDatabases(settings, services.stream().map(PlatformServices.Service::database).toList());
        if (settings.externalRedis() == null) {
            progress("starting Redis on 127.0.0.1:" + settings.redisPort());
            embedded.startRedis(settings);
        } else {
            progress("using Redis at " + settings.externalRedis());
        }
        if (settings.externalPulsar() == null) {
            progress("starting Pulsar on 127.0.0.1:" + settings.pulsarPort());
            Path module = settings.repository().resolve("infra/pulsar-standalone");
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions(module.resolve("jvm.options")));
            command.addAll(List.of("-jar", module.resolve("target/pulsar-standalone.jar").toString(),
                    "--data-dir", settings.home().resolve("pulsar").toString(),
                    "--broker-port", Integer.toString(settings.pulsarPort()),
                    "--web-port", Integer.toString(settings.pulsarWebPort()),
                    "--bookkeeper-port", Integer.toString(settings.bookkeeperPort())));
            ManagedProcess pulsar = new ManagedProcess("pulsar", command, Map.of(),
                    "http://127.0.0.1:" + settings.pulsarWebPort() + "/admin/v2/namespaces/lormas", settings);
            pulsar.start(settings.repository());
            started.add(pulsar);
            pulsar.awaitReady(Duration.ofMinutes(2), "PULSAR READY");
        } else {
            progress("using Pulsar at " + settings.externalPulsar());
        }
    }

    private ManagedProcess startService(PlatformServices.Service service, Map<String, String> env) {
        progress("starting " + service.name() + "-service on 127.0.0.1:" + service.port());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of(SERVICE_JVM.split(" ")));
        command.addAll(List.of("-jar", service.jar(settings.repository()).toString()));
        Map<String, String> serviceEnv = new LinkedHashMap<>(env);
        if (service.name().equals("identity")) {
            serviceEnv.put("SPRING_APPLICATION_JSON", PlatformServices.identityServiceClients(secrets));
        }
        ManagedProcess process = new ManagedProcess(service.name(), command, serviceEnv,
                service.url() + "/actuator/health", settings);
        process.start(settings.repository());
        started.add(process);
        process.awaitReady(SERVICE_START, "");
        progress(service.name() + "-service ready");
        return process;
    }

    private ManagedProcess startGateway(Map<String, String> env) {
        progress("starting the gateway on port " + settings.gatewayPort());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of(SERVICE_JVM.split(" ")));
        command.addAll(List.of("-jar", settings.repository().resolve("gateway/target/gateway.jar").toString()));
        Map<String, String> gatewayEnv = new LinkedHashMap<>(env);
        Path spa = settings.repository().resolve("console/dist");
        if (Files.isDirectory(spa)) {
            gatewayEnv.put("LORMAS_SPA_DIR", spa.toString());
        }
        ManagedProcess gateway = new ManagedProcess("gateway", command, gatewayEnv,
                "http://127.0.0.1:" + settings.gatewayPort() + "/actuator/health", settings);
        gateway.start(settings.repository());
        started.add(gateway);
        gateway.awaitReady(SERVICE_START, "");
        return gateway;
    }

    /** Restarts what dies, until the launcher is asked to stop. */
    private void supervise(Map<String, String> env) {
        Map<String, List<Instant>> restarts = new LinkedHashMap<>();
        while (!stopping) {
            ManagedProcess.sleep(2000);
            for (ManagedProcess process : started) {
                if (stopping || process.alive()) {
                    continue;
                }
                List<Instant> recent = restarts.computeIfAbsent(process.name, k -> new ArrayList<>());
                recent.removeIf(at -> at.isBefore(Instant.now().minus(Duration.ofMinutes(10))));
                if (recent.size() >= 5) {
                    continue; // crash loop: leave it down, status shows it
                }
                recent.add(Instant.now());
                System.out.println("lormas: " + process.name + " stopped unexpectedly; restarting (see " + process.log() + ")");
                process.start(settings.repository());
            }
        }
    }

    private void stopAll(Path launcherPid) {
        stopping = true;
        if (!started.isEmpty()) {
            System.out.println("\nlormas: stopping...");
        }
        // The agent, gateway and services stop together (each drains its own work); the broker after them.
        List<ManagedProcess> applications = started.stream().filter(p -> !p.name.equals("pulsar")).toList();
        List<Thread> stoppers = applications.stream()
                .map(p -> Thread.ofPlatform().start(() -> p.stop(Duration.ofSeconds(20)))).toList();
        for (Thread thread : stoppers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        started.stream().filter(p -> p.name.equals("pulsar")).forEach(p -> p.stop(Duration.ofSeconds(30)));
        embedded.close();
        try {
            Files.deleteIfExists(launcherPid);
        } catch (IOException e) {
            // nothing to do: a stale pid file is recognised by the next start
        }
        System.out.println("lormas: stopped");
    }

    private void printHealth(List<ManagedProcess> services, ManagedProcess gateway) {
        System.out.println("  " + line("postgres", settings.externalPostgres() == null
                ? "up (embedded, 127.0.0.1:" + settings.postgresPort() + ")" : "external " + settings.externalPostgres()));
        System.out.println("  " + line("redis", settings.externalRedis() == null
                ? "up (embedded, 127.0.0.1:" + settings.redisPort() + ")" : "external " + settings.externalRedis()));
        System.out.println("  " + line("pulsar", settings.externalPulsar() == null
                ? "up (127.0.0.1:" + settings.pulsarPort() + ")" : "external " + settings.externalPulsar()));
        for (ManagedProcess process : services) {
            System.out.println("  " + line(process.name, process.healthy() ? "up" : "DOWN (see " + process.log() + ")"));
        }
        System.out.println("  " + line("gateway", gateway.healthy() ? "up (" + settings.publicUrl() + ")" : "DOWN"));
    }

    private static String line(String name, String state) {
        return String.format("%-10s %s", name, state);
    }

    /** The admin identity-service created on this start, as its log says, if it did (it prints the password once). */
    static Optional<FirstRunAdmin> firstRunAdmin(String identityLog) {
        Matcher matcher = FIRST_RUN_ADMIN.matcher(identityLog);
        return matcher.find() ? Optional.of(new FirstRunAdmin(matcher.group(1), matcher.group(2))) : Optional.empty();
    }

    /** @param generatedPassword null when it came from LORMAS_ADMIN_PASSWORD (never printed then) */
    record FirstRunAdmin(String email, @Nullable String generatedPassword) {
    }

    private void requireBuilt(List<PlatformServices.Service> services) {
        List<Path> missing = new ArrayList<>();
        for (PlatformServices.Service service : services) {
            if (!Files.exists(service.jar(settings.repository()))) {
                missing.add(service.jar(settings.repository()));
            }
        }
        Path gateway = settings.repository().resolve("gateway/target/gateway.jar");
        if (!Files.exists(gateway)) {
            missing.add(gateway);
        }
        if (settings.externalPulsar() == null && !Files.exists(
                settings.repository().resolve("infra/pulsar-standalone/target/pulsar-standalone.jar"))) {
            missing.add(settings.repository().resolve("infra/pulsar-standalone/target/pulsar-standalone.jar"));
        }
        if (!missing.isEmpty()) {
            throw new LaunchException("not built yet: " + missing + " (./lormas up builds them; or ./mvnw -B package -DskipTests)");
        }
    }

    private void requireFreePorts(List<PlatformServices.Service> services) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(settings.gatewayPort(), "the gateway (LORMAS_GATEWAY_PORT)");
        for (PlatformServices.Service service : services) {
            ports.put(service.port(), service.name() + "-service");
        }
        if (settings.externalPostgres() == null) {
            ports.put(settings.postgresPort(), "PostgreSQL (LORMAS_PG_PORT)");
        }
        if (settings.externalRedis() == null) {
            ports.put(settings.redisPort(), "Redis (LORMAS_REDIS_PORT)");
        }
        if (settings.externalPulsar() == null) {
            ports.put(settings.pulsarPort(), "Pulsar (LORMAS_PULSAR_PORT)");
            ports.put(settings.pulsarWebPort(), "Pulsar admin (LORMAS_PULSAR_WEB_PORT)");
            ports.put(settings.bookkeeperPort(), "BookKeeper (LORMAS_BOOKKEEPER_PORT)");
        }
        ports.forEach((port, owner) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new LaunchException("port " + port + " is already in use; it is needed for " + owner
                        + ". Stop what uses it or choose another port.");
            }
        });
    }

    static void down(LauncherSettings settings) {
        Path launcherPid = settings.run().resolve("launcher.pid");
        Optional<ProcessHandle> launcher = readPid(launcherPid);
        if (launcher.isEmpty()) {
            int stray = stopStrays(settings);
            System.out.println(stray == 0 ? "lormas: not running" : "lormas: stopped " + stray + " leftover processes");
            return;
        }
        System.out.println("lormas: stopping (pid " + launcher.get().pid() + ")...");
        launcher.get().destroy();
        launcher.get().onExit().orTimeout(120, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
        stopStrays(settings);
        System.out.println("lormas: stopped");
    }

    /** Processes whose pid files outlived a launcher that was killed with SIGKILL. */
    private static int stopStrays(LauncherSettings settings) {
        int stopped = 0;
        try (var files = Files.list(settings.run())) {
            for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> process = readPid(pidFile);
                if (process.isPresent()) {
                    process.get().destroy();
                    stopped++;
                }
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            // no run directory: nothing was started
        }
        return stopped;
    }

    /** Where each component answers, for {@code ./lormas status} (which may run with another environment). */
    private void writeHealthUrls(List<PlatformServices.Service> services) {
        java.util.Properties urls = new java.util.Properties();
        // the embedded database and cache answer no HTTP: status checks that their port takes connections
        if (settings.externalPostgres() == null) {
            urls.setProperty("0.postgres", "tcp://127.0.0.1:" + settings.postgresPort());
        }
        if (settings.externalRedis() == null) {
            urls.setProperty("0.redis", "tcp://127.0.0.1:" + settings.redisPort());
        }
        if (settings.externalPulsar() == null) {
            urls.setProperty("1.pulsar", "http://127.0.0.1:" + settings.pulsarWebPort() + "/admin/v2/namespaces/lormas");
        }
        int order = 2;
        for (PlatformServices.Service service : services) {
            urls.setProperty(order++ + "." + service.name(), service.url() + "/actuator/health");
        }
        urls.setProperty(order + ".gateway", "http://127.0.0.1:" + settings.gatewayPort() + "/actuator/health");
        try (var writer = Files.newBufferedWriter(settings.run().resolve("health-urls.properties"))) {
            urls.store(writer, "written by ./lormas up");
        } catch (IOException e) {
            throw new LaunchException("cannot write " + settings.run() + ": " + e.getMessage());
        }
    }

    static boolean status(LauncherSettings settings) {
        Optional<ProcessHandle> launcher = readPid(settings.run().resolve("launcher.pid"));
        System.out.println(line("launcher", launcher.map(p -> "running (pid " + p.pid() + ")").orElse("not running")));
        boolean allUp = launcher.isPresent();
        java.util.Properties urls = new java.util.Properties();
        try (var reader = Files.newBufferedReader(settings.run().resolve("health-urls.properties"))) {
            urls.load(reader);
        } catch (IOException e) {
            return false; // never started in this LORMAS_HOME
        }
        List<String[]> components = urls.stringPropertyNames().stream().sorted()
                .map(key -> new String[] {key.substring(key.indexOf('.') + 1), urls.getProperty(key)}).toList();
        for (String[] component : components) {
            boolean up = component[1].startsWith("tcp://") ? accepts(URI.create(component[1]))
                    : new ManagedProcess(component[0], List.of(), Map.of(), component[1], settings).healthy();
            allUp &= up;
            Optional<ProcessHandle> pid = readPid(settings.run().resolve(component[0] + ".pid"));
            System.out.println(line(component[0], (up ? "up" : "down") + pid.map(p -> " (pid " + p.pid() + ")").orElse("")));
        }
        // the local agent has no health URL of its own here; it runs when its process does
        readPid(settings.run().resolve("agent.pid")).ifPresent(agent ->
                System.out.println(line("agent", "running (pid " + agent.pid() + ")")));
        return allUp;
    }

    private static boolean accepts(URI address) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(address.getHost(), address.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<ProcessHandle> readPid(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> jvmOptions(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new LaunchException("cannot read " + file);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static void progress(String message) {
        System.out.println("lormas: " + message);
    }
}
