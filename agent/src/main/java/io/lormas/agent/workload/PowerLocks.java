package io.lormas.agent.workload;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import io.lormas.agent.config.AgentSettings;
import jakarta.inject.Singleton;

/**
 * One lock per server, so power actions (and create, install, delete) on one server never overlap, as in
 * wings. A second action waits up to the configured time and then fails with {@code busy}; kill does not take
 * the lock on purpose, so a stuck stop can always be ended.
 */
@Singleton
final class PowerLocks {

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Duration wait;

    PowerLocks(AgentSettings settings) {
        this.wait = settings.powerLockWait();
    }

    /** Holds the server's lock until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held acquire(String serverId, String action) {
        ReentrantLock lock = locks.computeIfAbsent(serverId, id -> new ReentrantLock(true));
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CommandFailure("busy", "another action on server " + serverId + " is still running; "
                        + action + " gave up after " + wait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("busy", action + " was interrupted while waiting for server " + serverId);
        }
        return lock::unlock;
    }

    boolean isBusy(String serverId) {
        ReentrantLock lock = locks.get(serverId);
        return lock != null && lock.isLocked();
    }
}
