package io.lormas.agent.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.ContainerState;
import io.lormas.agent.runtime.EngineEvent;
import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.agent.ServerSpec;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns engine events of this node's servers into {@code container_event} frames: started, died (with exit code
 * and whether the agent caused it), OOM, healthy/unhealthy. Podman 4 never sets {@code OOMKilled}: an exit 137
 * the agent did not cause is reported as a probable OOM kill. A server started outside a command (by hand, or
 * before the agent came up) gets its console followed too. Resubscribes with backoff when the stream ends.
 */
@Singleton
final class ContainerWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerWatch.class);
    private static final int SIGKILL_EXIT = 137;

    private final ContainerRuntime runtime;
    private final Uplink uplink;
    private final NodeIdentity node;
    private final AgentStops agentStops;
    private final ConsoleOutput output;
    private final ServerConsole console;
    private final ServerSpecs specs;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Servers whose current run was already reported as OOM (Docker sends oom before die). */
    private final Set<String> oomReported = ConcurrentHashMap.newKeySet();
    private volatile ContainerRuntime.@Nullable Subscription subscription;
    private @Nullable Thread watcher;

    ContainerWatch(ContainerRuntime runtime, Uplink uplink, NodeIdentity node, AgentStops agentStops,
            ConsoleOutput output, ServerConsole console, ServerSpecs specs) {
        this.runtime = runtime;
        this.uplink = uplink;
        this.node = node;
        this.agentStops = agentStops;
        this.output = output;
        this.console = console;
        this.specs = specs;
    }

    void start() {
        if (running.compareAndSet(false, true)) {
            watcher = Thread.ofVirtual().name("container-events").start(this::watchLoop);
        }
    }

    private void watchLoop() {
        Duration delay = Duration.ofSeconds(1);
        while (running.get()) {
            CompletableFuture<@Nullable Throwable> ended = new CompletableFuture<>();
            try {
                subscription = runtime.watchEvents(ServerContainers.serverLabels(node.nodeId()), this::onEvent, ended::complete);
                followRunningServers();
                delay = Duration.ofSeconds(1);
                Throwable cause = ended.get();
                if (running.get()) {
                    LOG.warn("the engine's event stream ended ({}); subscribing again", cause == null ? "closed" : cause.toString());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeFailure | ExecutionException e) {
                LOG.warn("cannot watch engine events: {}", e.getMessage());
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            delay = delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : delay.multipliedBy(2);
        }
    }

    /** After (re)subscribing: servers that run already get their console followed. */
    private void followRunningServers() {
        for (ContainerState container : runtime.list(ServerContainers.serverLabels(node.nodeId()))) {
            String serverId = ServerContainers.serverIdOf(container);
            if (serverId != null && container.running() && !output.isFollowing(serverId)) {
                output.follow(serverId, container.id(), Instant.now(), startupDone(serverId));
            }
        }
    }

    void onEvent(EngineEvent event) {
        if (!ServerContainers.isServer(event.labels())) {
            return;
        }
        String serverId = event.labels().get(ServerContainers.SERVER);
        String action = event.action();
        if (action.equals("start")) {
            oomReported.remove(serverId);
            output.follow(serverId, event.containerId(), event.at().minusSeconds(1), startupDone(serverId));
            uplink.send(new ContainerEvent(serverId, ContainerEvent.Kind.STARTED, null, false, event.at(), null));
        } else if (action.equals("die")) {
            onDied(serverId, event);
        } else if (action.equals("oom")) {
            if (oomReported.add(serverId)) {
                uplink.send(new ContainerEvent(serverId, ContainerEvent.Kind.OOM, null, false, event.at(),
                        "the kernel killed a process of the server: out of memory"));
            }
        } else if (action.startsWith("health_status")) {
            boolean healthy = action.endsWith("healthy") && !action.endsWith("unhealthy");
            uplink.send(new ContainerEvent(serverId, healthy ? ContainerEvent.Kind.HEALTHY : ContainerEvent.Kind.UNHEALTHY,
                    null, false, event.at(), action));
        }
    }

    private void onDied(String serverId, EngineEvent event) {
        boolean causedByAgent = agentStops.consume(serverId);
        console.detach(serverId);
        Integer exitCode = event.exitCode();
        boolean oomKilled = false;
        try {
            oomKilled = runtime.inspect(event.containerId()).map(ContainerState::oomKilled).orElse(false);
        } catch (RuntimeFailure e) {
            LOG.debug("cannot inspect {} after it died: {}", event.containerId(), e.getMessage());
        }
        uplink.send(new ContainerEvent(serverId, ContainerEvent.Kind.DIED, exitCode, causedByAgent, event.at(),
                causedByAgent ? "stopped by the agent" : "the server process exited"));
        boolean probableOom = !causedByAgent && exitCode != null && exitCode == SIGKILL_EXIT;
        if ((oomKilled || probableOom) && oomReported.add(serverId)) {
            uplink.send(new ContainerEvent(serverId, ContainerEvent.Kind.OOM, exitCode, false, event.at(),
                    oomKilled ? "the engine reports an OOM kill"
                            : "probable OOM kill: exit 137 (SIGKILL) that the agent did not cause"));
        }
    }

    private List<String> startupDone(String serverId) {
        return specs.find(serverId).map(ServerSpec::startupDone).orElse(List.of());
    }

    @Override
    public void close() {
        running.set(false);
        ContainerRuntime.Subscription current = subscription;
        if (current != null) {
            current.close();
        }
        Thread thread = watcher;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
