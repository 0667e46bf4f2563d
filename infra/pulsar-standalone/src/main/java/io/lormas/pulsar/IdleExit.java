package io.lormas.pulsar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the lease file and triggers the shutdown once it has not been modified for the idle time. Callers
 * keep the broker alive by touching the file; a missing file counts as expired.
 */
final class IdleExit {

    static final Duration CHECK_EVERY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(IdleExit.class);

    private final Path lease;
    private final Duration idle;
    private final Clock clock;

    IdleExit(Path lease, Duration idle, Clock clock) {
        this.lease = lease;
        this.idle = idle;
        this.clock = clock;
    }

    /** Creates the lease (or refreshes it) so the idle time counts from now. */
    void renewLease() throws IOException {
        if (Files.exists(lease)) {
            Files.setLastModifiedTime(lease, FileTime.from(clock.instant()));
        } else {
            Files.createFile(lease);
        }
    }

    /** True when the lease is missing or older than the idle time. */
    boolean expired() {
        try {
            Instant touched = Files.getLastModifiedTime(lease).toInstant();
            return !touched.plus(idle).isAfter(clock.instant());
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            log.warn("Cannot read {}: {}; keeping the broker up", lease, e.toString());
            return false;
        }
    }

    /** Checks every {@link #CHECK_EVERY} on a daemon thread and runs {@code onExpired} once the lease expired. */
    void watch(Runnable onExpired) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "lormas-idle-exit");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (expired()) {
                log.info("{} not modified for {} min", lease, idle.toMinutes());
                timer.shutdown();
                onExpired.run();
            }
        }, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }
}
