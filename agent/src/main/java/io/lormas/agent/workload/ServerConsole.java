package io.lormas.agent.workload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.lormas.agent.runtime.ConsoleInput;
import io.lormas.agent.runtime.ContainerRuntime;
import io.lormas.agent.runtime.ContainerState;
import io.lormas.agent.runtime.RuntimeFailure;
import io.lormas.contracts.agent.Command;
import jakarta.inject.Singleton;

/**
 * Console input and past output of servers. Input goes through one long-lived stdin attachment per running
 * container, opened on first use and kept: on podman, closing an attach closes the container's stdin.
 */
@Singleton
final class ServerConsole implements AutoCloseable {

    /** A {@code logs} result larger than this keeps only its newest lines. */
    static final int MAX_LOG_BYTES = 512 * 1024;

    private final ContainerRuntime runtime;
    private final ServerSpecs specs;
    private final ConcurrentMap<String, Attachment> attachments = new ConcurrentHashMap<>();

    private record Attachment(String containerId, ConsoleInput input) {
    }

    ServerConsole(ContainerRuntime runtime, ServerSpecs specs) {
        this.runtime = runtime;
        this.specs = specs;
    }

    Map<String, Object> input(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        ContainerState container = runningContainer(serverId);
        write(serverId, container.id(), command.input());
        return Map.of("written", true);
    }

    /** Writes one line to the server's stdin, attaching first if needed. */
    void write(String serverId, String containerId, String line) {
        for (int attempt = 0; ; attempt++) {
            Attachment attachment = attachments.compute(serverId, (id, current) -> {
                if (current != null && current.containerId().equals(containerId) && current.input().isOpen()) {
                    return current;
                }
                if (current != null) {
                    current.input().close();
                }
                return new Attachment(containerId, runtime.attachInput(containerId));
            });
            try {
                attachment.input().writeLine(line);
                return;
            } catch (RuntimeFailure e) {
                if (e.reason() != RuntimeFailure.Reason.NOT_RUNNING || attempt > 0) {
                    throw e;
                }
                attachments.remove(serverId, attachment); // ended meanwhile: attach again once
            }
        }
    }

    /** Forgets the server's attachment (the container stopped or is going away). */
    void detach(String serverId) {
        Attachment attachment = attachments.remove(serverId);
        if (attachment != null) {
            attachment.input().close();
        }
    }

    Map<String, Object> logs(Command command) {
        String serverId = ServerContainers.requireId(command.serverId(), "serverId");
        ContainerState container = runtime.inspect(ServerContainers.containerName(serverId))
                .orElseThrow(() -> unknown(serverId));
        int wanted = command.lines() == null ? 100 : command.lines();
        List<String> lines = runtime.tail(container.id(), wanted);
        List<String> kept = new ArrayList<>();
        int bytes = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            bytes += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes > MAX_LOG_BYTES) {
                break;
            }
            kept.addFirst(lines.get(i));
        }
        return Map.of("lines", kept, "truncated", kept.size() < lines.size());
    }

    private ContainerState runningContainer(String serverId) {
        ContainerState container = runtime.inspect(ServerContainers.containerName(serverId))
                .orElseThrow(() -> unknown(serverId));
        if (!container.running()) {
            throw new CommandFailure("not_running", "server " + serverId + " is not running");
        }
        return container;
    }

    private CommandFailure unknown(String serverId) {
        return specs.find(serverId).isPresent()
                ? new CommandFailure("not_created", "server " + serverId + " has no container; send create first")
                : new CommandFailure("unknown_server", "server " + serverId + " is not known on this node");
    }

    @Override
    public void close() {
        attachments.values().forEach(a -> a.input().close());
        attachments.clear();
    }
}
