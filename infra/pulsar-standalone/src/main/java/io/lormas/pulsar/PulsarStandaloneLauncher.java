package io.lormas.pulsar;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.pulsar.PulsarStandaloneStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Pulsar standalone broker (one bookie, RocksDB metadata) in this JVM on 127.0.0.1, makes sure the
 * {@code lormas} tenant and its namespaces exist, then prints one {@code PULSAR READY ...} line and writes
 * {@code <data-dir>/broker.json}. SIGTERM (or the idle lease running out) closes broker and bookie cleanly.
 *
 * <p>Exit status: 0 after a clean shutdown, 1 when the broker cannot start (a port is taken, another broker
 * uses the data directory, Pulsar fails), 2 for a bad command line.
 */
public final class PulsarStandaloneLauncher {

    private static final Logger log = LoggerFactory.getLogger(PulsarStandaloneLauncher.class);
    private static final Duration TENANT_SETUP_TIMEOUT = Duration.ofSeconds(60);

    // Jersey warns, once per servlet, that WADL is off (no JAXB on the classpath): expected, not actionable.
    // Held in a field: JUL keeps loggers only weakly, and a collected logger forgets its level.
    private static final java.util.logging.Logger WADL_LOG =
            java.util.logging.Logger.getLogger("org.glassfish.jersey.server.wadl.WadlFeature");

    private PulsarStandaloneLauncher() {
    }

    public static void main(String[] args) {
        quietJavaUtilLogging();
        if (LaunchOptions.wantsHelp(args)) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("pulsar-standalone: " + e.getMessage());
            System.err.println();
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            Optional<String> refusal = refusal(options);
            if (refusal.isPresent()) {
                System.err.println("pulsar-standalone: " + refusal.get());
                System.exit(1);
            }
            run(options);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Pulsar standalone failed to start", e);
            System.err.println("pulsar-standalone: failed to start: " + e);
            System.exit(1);
        }
    }

    private static void quietJavaUtilLogging() {
        // Jersey and OpenTelemetry log through java.util.logging straight to stderr, bypassing log4j2.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        WADL_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Why the broker must not start, checked before anything is written. */
    static Optional<String> refusal(LaunchOptions options) {
        var running = BrokerRecord.pidIn(options.brokerRecordFile())
                .flatMap(ProcessHandle::of)
                .filter(PulsarStandaloneLauncher::isLauncher);
        if (running.isPresent()) {
            return Optional.of("a broker already runs from " + options.dataDir() + " (pid " + running.get().pid()
                    + "); reuse it through " + options.brokerRecordFile() + " or stop it first");
        }
        Optional<String> taken = PortCheck.firstTaken(PortCheck.required(options));
        if (taken.isPresent()) {
            return taken;
        }
        if (!options.wipe()) {
            var recorded = BookieCookie.recordedPort(options.bookkeeperDir());
            if (recorded.isPresent() && recorded.getAsInt() != options.bookkeeperPort()) {
                return Optional.of("the data in " + options.dataDir() + " belongs to a bookie on port "
                        + recorded.getAsInt() + ": pass --bookkeeper-port " + recorded.getAsInt()
                        + " or --wipe to start over");
            }
        }
        return Optional.empty();
    }

    private static boolean isLauncher(ProcessHandle process) {
        return process.isAlive() && process.info().commandLine()
                .map(cmd -> cmd.contains(PulsarStandaloneLauncher.class.getName()) || cmd.contains("pulsar-standalone"))
                .orElse(true);
    }

    private static void run(LaunchOptions options) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(options.dataDir());
        if (options.wipe()) {
            // Pulsar wipes metadata/ and bookkeeper/ itself (--wipe-data); these files are ours.
            Files.deleteIfExists(options.brokerRecordFile());
            Files.deleteIfExists(options.leaseFile());
        }
        Files.writeString(options.configFile(), StandaloneConf.render(options), StandardCharsets.UTF_8);

        var starter = new PulsarStandaloneStarter(StarterArguments.of(options).toArray(String[]::new));
        // start() registers Pulsar's own shutdown hook (closes broker, then bookie and metadata store) and
        // returns once the broker serves; its non-daemon threads keep the JVM alive afterwards.
        starter.start();

        long pid = ProcessHandle.current().pid();
        Runnable forgetRecord = () -> BrokerRecord.deleteIfOwnedBy(options.brokerRecordFile(), pid);
        var shutdown = new BrokerShutdown(starter, forgetRecord);
        shutdown.handleSignals();
        try {
            new LormasTenant(options.webUrl()).ensure(TENANT_SETUP_TIMEOUT);
            new BrokerRecord(pid, options.brokerUrl(), options.webUrl()).writeTo(options.brokerRecordFile());
        } catch (Exception e) {
            log.error("Pulsar started but could not be prepared for Lormas", e);
            System.err.println("pulsar-standalone: failed to start: " + e);
            shutdown.exit("failed start", 1);
        }
        // Backstop for exits that bypass BrokerShutdown (System.exit elsewhere, SIGHUP).
        Runtime.getRuntime().addShutdownHook(new Thread(forgetRecord, "lormas-broker-record"));

        if (options.idleExitMinutes().isPresent()) {
            var idleExit = new IdleExit(options.leaseFile(),
                    Duration.ofMinutes(options.idleExitMinutes().getAsInt()), Clock.systemUTC());
            idleExit.renewLease();
            idleExit.watch(() -> shutdown.exit("idle lease expired", 0));
        }

        log.info("Pulsar standalone up in {} ms (data in {})",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), options.dataDir());
        System.out.println("PULSAR READY broker=" + options.brokerUrl() + " web=" + options.webUrl());
        System.out.flush();
    }
}
