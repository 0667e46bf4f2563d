package io.lormas.pulsar;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Stops broker and bookie in order, then exits the JVM.
 *
 * <p>Why not just the JVM's shutdown hooks: BookKeeper registers its own hook for the bookie, and the JVM runs
 * all hooks at once, so on a plain SIGTERM the bookie can go before the broker has closed its ledgers and
 * flushed cursor positions (acknowledged messages then come back after a restart). SIGTERM and SIGINT are
 * therefore handled here: Pulsar's {@code close()} closes broker first, bookie and metadata store after.
 * ({@code sun.misc.Signal} sits in {@code jdk.unsupported}, kept exported for exactly this; javac's
 * "internal proprietary API" warning about it is expected.)
 */
final class BrokerShutdown {

    private static final Logger log = LoggerFactory.getLogger(BrokerShutdown.class);

    private final AutoCloseable pulsar;
    private final Runnable afterClose;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param pulsar the started standalone; its {@code close()} must be safe to call once Pulsar's own hook ran
     * @param afterClose runs after Pulsar closed, before the exit (e.g. removing broker.json)
     */
    BrokerShutdown(AutoCloseable pulsar, Runnable afterClose) {
        this.pulsar = pulsar;
        this.afterClose = afterClose;
    }

    /** Routes SIGTERM and SIGINT to {@link #exit(String, int)} (status 0) instead of the JVM's default shutdown. */
    void handleSignals() {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> exit("SIG" + name, 0));
        }
    }

    /** Closes Pulsar and exits the JVM with {@code status}. Later calls (a second signal) are ignored. */
    void exit(String reason, int status) {
        if (!started.compareAndSet(false, true)) {
            log.info("Already stopping ({} ignored)", reason);
            return;
        }
        log.info("Stopping Pulsar standalone ({})", reason);
        long begin = System.nanoTime();
        try {
            pulsar.close();
        } catch (Exception e) {
            log.error("Closing Pulsar failed", e);
        }
        afterClose.run();
        log.info("Pulsar standalone stopped in {} ms", Duration.ofNanos(System.nanoTime() - begin).toMillis());
        System.exit(status);
    }
}
