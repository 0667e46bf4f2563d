package io.lormas.deploy.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageListener;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.Command.Action;
import io.lormas.contracts.agent.CommandError;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.ContainerEvent;
import io.lormas.contracts.agent.ContainerStatus;
import io.lormas.contracts.node.AgentCommandCompleted;
import io.lormas.contracts.node.AgentContainerEventReported;
import io.lormas.contracts.node.AgentInventoryReported;
import io.lormas.contracts.node.NodeDetails;
import io.lormas.contracts.node.NodeRegistered;
import io.lormas.contracts.node.NodeWentOffline;
import io.lormas.contracts.node.NodeWentOnline;
import io.lormas.platform.id.Ids;
import io.lormas.testkit.Awaits;

/**
 * A node as deploy-service meets it, at the Pulsar level: node-service's events about it (registered, online,
 * offline), and its agent behind node-service: it consumes the node's command topic (Failover, like node-service),
 * executes each command id once like the real agent (a repeated id gets the recorded answer again), and answers
 * with real {@code node.agent.*} envelopes. Console lines go to Redis as node-service fans them out.
 */
public final class SimulatedNode implements AutoCloseable {

    public final UUID nodeId = Ids.newId();
    public final String name;
    public final String region;
    private final Platform platform;
    private final StringRedisTemplate redis;
    private final AtomicLong epoch = new AtomicLong();
    private volatile @Nullable Consumer<byte[]> consumer;
    private volatile boolean autoAnswer = true;
    private volatile boolean startupDone;
    /** Called for every delivered command (benchmarks time deliveries with it). */
    public volatile java.util.function.Consumer<Command> onDelivery = command -> {
    };
    /** False keeps no list of deliveries (long benchmark runs). */
    public volatile boolean recordDeliveries = true;

    /** Every command delivered, duplicates included, in order. */
    public final List<Command> delivered = new CopyOnWriteArrayList<>();
    /** Commands executed (first delivery of each id). */
    public final List<Command> executed = new CopyOnWriteArrayList<>();
    private final Map<String, CommandResult> answers = new ConcurrentHashMap<>();
    private final Map<Action, CommandError> failNext = new ConcurrentHashMap<>();
    /** serverId to engine state: created, running, exited. */
    public final Map<String, String> containers = new ConcurrentHashMap<>();

    public SimulatedNode(Platform platform, StringRedisTemplate redis, String name, String region) {
        this.platform = platform;
        this.redis = redis;
        this.name = name;
        this.region = region;
    }

    public NodeDetails details(long cpuMillis, long memoryMib, long diskMib, String ip, int portFrom, int portTo) {
        return new NodeDetails(nodeId, name, region, name + ".test", cpuMillis, memoryMib, diskMib, 0, 0, 0,
                List.of(new NodeDetails.PortRange(ip, portFrom, portTo)), Map.of("disk", "ssd"), "ACTIVE", true, false);
    }

    /** node-service registers it and its agent connects; the command topic is consumed from here on. */
    public SimulatedNode register(long cpuMillis, long memoryMib, long diskMib, int portFrom, int portTo) {
        platform.publish(new NodeRegistered(details(cpuMillis, memoryMib, diskMib, "10.0.0.1", portFrom, portTo)));
        connect();
        return this;
    }

    /** The agent (re)connects: a new session epoch, went-online, and the consumer of its command topic. */
    public void connect() {
        consume();
        platform.publish(new NodeWentOnline(nodeId, epoch.incrementAndGet(), Instant.now()));
    }

    /** The agent vanished (heartbeat timeout); commands wait in its topic. */
    public void disconnect() {
        Consumer<byte[]> current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close();
            } catch (PulsarClientException e) {
                throw new IllegalStateException(e);
            }
        }
        platform.publish(new NodeWentOffline(nodeId, Instant.now(), "heartbeat-timeout"));
    }

    public void consume() {
        if (consumer != null) {
            return;
        }
        try {
            consumer = platform.pulsar().newConsumer(Schema.BYTES)
                    .topic(platform.settings().agentTopic(nodeId.toString()))
                    .subscriptionName("node-service")
                    .subscriptionType(SubscriptionType.Failover)
                    .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                    .messageListener((MessageListener<byte[]>) this::received)
                    .subscribe();
        } catch (PulsarClientException e) {
            throw new IllegalStateException(e);
        }
    }

    public void autoAnswer(boolean on) {
        this.autoAnswer = on;
    }

    /** The servers print their startup-done text: the agent reports {@code ready} after starting. */
    public void reportsReady(boolean on) {
        this.startupDone = on;
    }

    /** The next command of this action fails with the given error. */
    public void failNext(Action action, String code, String message) {
        failNext.put(action, new CommandError(code, message));
    }

    private void received(Consumer<byte[]> from, Message<byte[]> message) {
        Command command = (Command) AgentProtocol.decodeToAgent(new String(message.getData(), StandardCharsets.UTF_8));
        onDelivery.accept(command);
        if (recordDeliveries) {
            delivered.add(command);
        }
        try {
            CommandResult previous = answers.get(command.id());
            if (previous != null) {
                report(command, previous); // same id twice = same result, executed once
            } else if (autoAnswer || command.action() == Action.RECONCILE) {
                execute(command);
            }
            from.acknowledge(message);
        } catch (Exception e) {
            from.negativeAcknowledge(message);
        }
    }

    /** Runs a delivered command now (when answering by hand). */
    public void execute(Command command) {
        executed.add(command);
        String serverId = command.serverId();
        CommandError failure = failNext.remove(command.action());
        if (failure != null) {
            answer(command, new CommandResult(command.id(), CommandResult.Status.FAILURE, Map.of(), failure));
            return;
        }
        switch (command.action()) {
            case INSTALL -> answer(command, CommandResult.success(command.id(), Map.of("exitCode", 0)));
            case CREATE -> {
                containers.put(serverId, "created");
                answer(command, CommandResult.success(command.id(), Map.of("containerId", "c-" + serverId)));
            }
            case START -> {
                containers.put(serverId, "running");
                container(serverId, ContainerEvent.Kind.STARTED, null, false);
                if (startupDone) {
                    container(serverId, ContainerEvent.Kind.READY, null, false);
                }
                answer(command, CommandResult.success(command.id(), Map.of("state", "running")));
            }
            case STOP, KILL -> {
                if ("running".equals(containers.get(serverId))) {
                    containers.put(serverId, "exited");
                    container(serverId, ContainerEvent.Kind.DIED, 0, true);
                }
                answer(command, CommandResult.success(command.id(), Map.of("state", "exited")));
            }
            case RESTART -> {
                container(serverId, ContainerEvent.Kind.DIED, 0, true);
                containers.put(serverId, "running");
                container(serverId, ContainerEvent.Kind.STARTED, null, false);
                answer(command, CommandResult.success(command.id(), Map.of("state", "running")));
            }
            case DELETE -> {
                boolean existed = containers.remove(serverId) != null;
                answer(command, CommandResult.success(command.id(), Map.of("deleted", true, "containerRemoved", existed)));
            }
            case CONSOLE_INPUT -> {
                print(serverId, "> " + command.input());
                answer(command, CommandResult.success(command.id(), Map.of()));
            }
            case RECONCILE -> {
                answer(command, CommandResult.success(command.id(), Map.of()));
                reportInventory();
            }
            default -> answer(command, CommandResult.failure(command.id(), "unsupported", "not simulated"));
        }
    }

    private void answer(Command command, CommandResult result) {
        answers.put(command.id(), result);
        report(command, result);
    }

    private void report(Command command, CommandResult result) {
        platform.publish(new AgentCommandCompleted(nodeId, command.id(), command.serverId(), result.status(),
                result.result(), result.error(), Instant.now()));
    }

    /** A container state change, as node-service relays it. */
    public void container(String serverId, ContainerEvent.Kind kind, @Nullable Integer exitCode, boolean causedByAgent) {
        platform.publish(new AgentContainerEventReported(nodeId, serverId, kind, exitCode, causedByAgent, Instant.now(),
                null));
    }

    /** The server's process died on its own. */
    public void crash(String serverId, int exitCode) {
        containers.put(serverId, "exited");
        container(serverId, ContainerEvent.Kind.DIED, exitCode, false);
    }

    /** The full inventory, as after a reconnect. */
    public void reportInventory() {
        List<ContainerStatus> list = new ArrayList<>();
        containers.forEach((serverId, state) -> list.add(new ContainerStatus(serverId, "c-" + serverId, state,
                Platform.IMAGE, "exited".equals(state) ? 0 : null, null)));
        platform.publish(new AgentInventoryReported(nodeId, epoch.get(), list, Instant.now()));
    }

    /** Lines the server printed, fanned out like node-service does. */
    public void print(String serverId, String... lines) {
        String recent = "lormas:server:" + serverId + ":console:recent";
        for (String line : lines) {
            redis.opsForList().rightPush(recent, line);
        }
        redis.opsForList().trim(recent, -200, -1);
        redis.convertAndSend("lormas:server:" + serverId + ":console",
                platform.json().writeValueAsString(Map.of("event", "console", "lines", List.of(lines))));
    }

    // ------------------------------------------------------------------ assertions

    public Command awaitCommand(Action action, UUID serverId) {
        return awaitCommand(action, serverId, 1);
    }

    /** Waits until the n-th delivery of an action for a server arrived and returns it. */
    public Command awaitCommand(Action action, UUID serverId, int nth) {
        Awaits.until(Duration.ofSeconds(30), name + " receives " + action + " #" + nth + " for " + serverId,
                () -> deliveries(action, serverId).size() >= nth);
        return deliveries(action, serverId).get(nth - 1);
    }

    public List<Command> deliveries(Action action, UUID serverId) {
        return delivered.stream().filter(c -> c.action() == action && serverId.toString().equals(c.serverId())).toList();
    }

    public Optional<Command> last(Action action) {
        return delivered.stream().filter(c -> c.action() == action).reduce((a, b) -> b);
    }

    @Override
    public void close() {
        Consumer<byte[]> current = consumer;
        consumer = null;
        if (current != null) {
            current.closeAsync();
        }
    }
}
