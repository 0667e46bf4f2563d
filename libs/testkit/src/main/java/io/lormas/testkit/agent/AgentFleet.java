package io.lormas.testkit.agent;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What many {@link SimulatedAgent}s share: one {@link HttpClient} (one selector thread for every WebSocket), a
 * small pool for their callbacks and one scheduler for heartbeats, delays and reconnects. No thread per agent, so
 * 10,000 agents fit in one JVM. {@link #shared()} serves tests; benchmarks make their own and close it.
 */
public final class AgentFleet implements AutoCloseable {

    private static volatile AgentFleet shared;

    private final ExecutorService callbacks;
    private final ScheduledThreadPoolExecutor scheduler;
    private final HttpClient http;

    public AgentFleet(int threads) {
        this.callbacks = Executors.newFixedThreadPool(Math.max(1, threads), daemon("agent-fleet-"));
        this.scheduler = new ScheduledThreadPoolExecutor(Math.max(1, threads / 2), daemon("agent-fleet-timer-"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        this.http = HttpClient.newBuilder().executor(callbacks).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** One fleet per JVM for tests (never closed). */
    public static AgentFleet shared() {
        if (shared == null) {
            synchronized (AgentFleet.class) {
                if (shared == null) {
                    shared = new AgentFleet(Math.max(2, Runtime.getRuntime().availableProcessors()));
                }
            }
        }
        return shared;
    }

    HttpClient http() {
        return http;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ExecutorService callbacks() {
        return callbacks;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.shutdownNow();
        callbacks.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
