package io.lormas.agent.workload;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lormas.agent.config.ConsoleSettings;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.contracts.agent.Console;
import io.lormas.contracts.agent.ContainerEvent;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live console output of running servers (and of install scripts) to the control plane: each running server's
 * output is followed with {@code logs?follow} (never attach, see the runtime), batched and rate-limited per
 * server, and flushed as {@code console} frames. When a line contains one of the egg's {@code startupDone}
 * texts, a {@code ready} event is sent once per run.
 */
@Singleton
final class ConsoleOutput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleOutput.class);

    private final ContainerRuntime runtime;
    private final Uplink uplink;
    private final ConsoleSettings settings;
    private final ConcurrentMap<String, Follower> followers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConsoleBatch> installs = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private @Nullable Thread flusher;

    ConsoleOutput(ContainerRuntime runtime, Uplink uplink, ConsoleSettings settings) {
        this.runtime = runtime;
        this.uplink = uplink;
        this.settings = settings;
    }

    private final class Follower {
        final String serverId;
        final String containerId;
        final ConsoleBatch batch;
        final List<String> startupDone;
        final AtomicBoolean ready = new AtomicBoolean();
        volatile ContainerRuntime.@Nullable Subscription subscription;

        Follower(String serverId, String containerId, List<String> startupDone) {
            this.serverId = serverId;
            this.containerId = containerId;
            this.startupDone = startupDone;
            this.batch = new ConsoleBatch(serverId, Console.Source.SERVER, settings, System.nanoTime());
        }

        void line(String line) {
            batch.offer(line, System.nanoTime());
            if (!ready.get() && matchesStartupDone(line) && ready.compareAndSet(false, true)) {
                uplink.send(new ContainerEvent(serverId, ContainerEvent.Kind.READY, null, false, Instant.now(),
                        "startup done"));
            }
        }

        private boolean matchesStartupDone(String line) {
            for (String done : startupDone) {
                if (!done.isEmpty() && line.contains(done)) {
                    return true;
                }
            }
            return false;
        }
    }

    void start() {
        if (running.compareAndSet(false, true)) {
            flusher = Thread.ofVirtual().name("console-flusher").start(this::flushLoop);
        }
    }

    /**
     * Follows a server's output from {@code since}; does nothing when this container is already followed.
     */
    void follow(String serverId, String containerId, @Nullable Instant since, List<String> startupDone) {
        Follower follower = new Follower(serverId, containerId, startupDone);
        Follower previous = followers.get(serverId);
        if (previous != null && previous.containerId.equals(containerId) && previous.subscription != null) {
            return;
        }
        followers.put(serverId, follower);
        if (previous != null) {
            closeFollower(previous);
        }
        try {
            follower.subscription = runtime.followOutput(containerId, since, follower::line, () -> ended(follower));
        } catch (RuntimeFailure e) {
            followers.remove(serverId, follower);
            LOG.warn("cannot follow the console of server {}: {}", serverId, e.getMessage());
        }
    }

    private void ended(Follower follower) {
        flush(follower.batch);
        followers.remove(follower.serverId, follower);
    }

    void stopFollowing(String serverId) {
        Follower follower = followers.remove(serverId);
        if (follower != null) {
            closeFollower(follower);
        }
    }

    private void closeFollower(Follower follower) {
        ContainerRuntime.Subscription subscription = follower.subscription;
        if (subscription != null) {
            subscription.close();
        }
        flush(follower.batch);
    }

    boolean isFollowing(String serverId) {
        return followers.containsKey(serverId);
    }

    /** A batch for an install script's output ({@code source=install}), flushed with the others until closed. */
    ConsoleBatch openInstall(String serverId) {
        ConsoleBatch batch = new ConsoleBatch(serverId, Console.Source.INSTALL, settings, System.nanoTime());
        installs.put(serverId, batch);
        return batch;
    }

    void closeInstall(String serverId) {
        ConsoleBatch batch = installs.remove(serverId);
        if (batch != null) {
            flush(batch);
        }
    }

    private void flushLoop() {
        while (running.get()) {
            try {
                Thread.sleep(settings.flushInterval());
            } catch (InterruptedException e) {
                return;
            }
            for (Follower follower : followers.values()) {
                flush(follower.batch);
            }
            for (ConsoleBatch batch : installs.values()) {
                flush(batch);
            }
        }
    }

    private void flush(ConsoleBatch batch) {
        if (!uplink.connected()) {
            batch.discard();
            return;
        }
        for (Console frame : batch.drain()) {
            uplink.send(frame);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Thread thread = flusher;
        if (thread != null) {
            thread.interrupt();
        }
        for (Follower follower : List.copyOf(followers.values())) {
            ContainerRuntime.Subscription subscription = follower.subscription;
            if (subscription != null) {
                subscription.close();
            }
        }
        followers.clear();
    }
}
