package io.lormas.node.command;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageId;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.contracts.agent.Ack;
import io.lormas.contracts.agent.AgentProtocol;
import io.lormas.contracts.agent.Command;
import io.lormas.contracts.agent.CommandError;
import io.lormas.contracts.agent.CommandResult;
import io.lormas.contracts.agent.ProtocolException;
import io.lormas.contracts.node.AgentCommandCompleted;
import io.lormas.node.node.NodeCreated;
import io.lormas.node.presence.Presence;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.pulsar.PulsarSettings;

/**
 * Delivers a node's commands from its Pulsar topic ({@code persistent://<agents>/<nodeId>}) to its agent. The
 * replica holding the node's current session subscribes (Failover subscription {@code node-service}) when the
 * session is welcomed and closes the consumer when it ends, so commands always reach the replica that can deliver
 * them, in order. A command's message is acknowledged only after its {@code command_result} was written to the
 * outbox as {@code AgentCommandCompleted}: whatever is unanswered when a session ends is delivered again to the
 * next session (the agent executes the same command id once; duplicates are harmless).
 * <p>
 * Command bodies may carry secrets (environment variables): they are forwarded verbatim and never logged.
 */
@Component
public class CommandDelivery {

    private static final Logger log = LoggerFactory.getLogger(CommandDelivery.class);
    private static final long VERIFIED_FOR_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final PulsarClient pulsar;
    private final PulsarSettings pulsarSettings;
    private final CommandSettings settings;
    private final Presence presence;
    private final NodeServers nodeServers;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final TaskScheduler scheduler;
    private final Map<AgentLink, Channel> channels = new ConcurrentHashMap<>();
    private final ReportWriter results;
    /** Slow work kept off Pulsar's listener threads, which deliver for every node. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Counter delivered;
    private final Counter completed;
    private final Counter undeliverable;
    private final Timer turnaround;

    /** A session's consumer and the commands it delivered that still wait for a result. */
    private static final class Channel {

        volatile @Nullable Consumer<byte[]> consumer;
        volatile boolean closed;
        final Map<String, Pending> pending = new ConcurrentHashMap<>();
        /** Results on their way to the outbox: a repeated result is not written twice. */
        final java.util.Set<String> answered = ConcurrentHashMap.newKeySet();
    }

    private record Pending(MessageId messageId, @Nullable String serverId, Command.Action action, long deliveredNanos) {
    }

    CommandDelivery(PulsarClient pulsar, PulsarSettings pulsarSettings, CommandSettings settings, Presence presence,
            NodeServers nodeServers, Outbox outbox, TransactionTemplate transactions, TaskScheduler scheduler,
            ReportWriter results, MeterRegistry meters) {
        this.pulsar = pulsar;
        this.pulsarSettings = pulsarSettings;
        this.settings = settings;
        this.presence = presence;
        this.nodeServers = nodeServers;
        this.outbox = outbox;
        this.transactions = transactions;
        this.scheduler = scheduler;
        this.results = results;
        this.delivered = Counter.builder("lormas.node.commands.delivered").register(meters);
        this.completed = Counter.builder("lormas.node.commands.completed").register(meters);
        this.undeliverable = Counter.builder("lormas.node.commands.undeliverable").register(meters);
        this.turnaround = Timer.builder("lormas.node.commands.turnaround")
                .description("From forwarding a command to the agent until its result is published")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** The servers deploy-service sent commands for to this node (what its agent may report about). */
    public java.util.List<String> serversOf(UUID nodeId) {
        return nodeServers.of(nodeId);
    }

    /** Starts delivering the node's commands to a welcomed session (subscribes in the background). */
    public void open(AgentLink link) {
        Channel channel = new Channel();
        channels.put(link, channel);
        subscribe(link, channel, 0);
    }

    private void subscribe(AgentLink link, Channel channel, int attempt) {
        if (channel.closed || !link.isOpen()) {
            return;
        }
        pulsar.newConsumer(Schema.BYTES)
                .topic(pulsarSettings.agentTopic(link.nodeId().toString()))
                .subscriptionName(settings.subscription())
                .subscriptionType(SubscriptionType.Failover)
                // commands published before the subscription existed must not be skipped
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .receiverQueueSize(settings.prefetch())
                // acks go out at once: a node gets a few commands a minute, and grouping would mean one timer
                // task every 100 ms per consumer (100,000 a second for 10,000 nodes)
                .acknowledgmentGroupTime(0, TimeUnit.MILLISECONDS)
                .consumerName(link.nodeId() + "-" + link.epoch())
                .messageListener((consumer, message) -> deliver(link, channel, consumer, message))
                .subscribeAsync()
                .whenComplete((consumer, failure) -> {
                    if (failure != null) {
                        long delay = Math.min(30_000, 500L << Math.min(6, attempt));
                        log.warn("node {}: cannot subscribe to its commands yet (retry in {} ms): {}", link.nodeId(),
                                delay, failure.toString());
                        scheduler.schedule(() -> subscribe(link, channel, attempt + 1),
                                Instant.now().plusMillis(delay));
                        return;
                    }
                    channel.consumer = consumer;
                    if (channel.closed || !link.isOpen()) {
                        consumer.closeAsync(); // the session ended while subscribing
                    }
                });
    }

    /** Stops delivering to a session; unanswered commands go to the node's next session. */
    public void close(AgentLink link) {
        Channel channel = channels.remove(link);
        if (channel == null) {
            return;
        }
        channel.closed = true;
        Consumer<byte[]> consumer = channel.consumer;
        if (consumer != null) {
            consumer.closeAsync();
        }
    }

    /** Pulsar's listener thread, one message at a time per consumer (so in order). */
    private void deliver(AgentLink link, Channel channel, Consumer<byte[]> consumer, Message<byte[]> message) {
        if (channel.consumer == null) {
            channel.consumer = consumer; // delivery may start before subscribeAsync() completes
        }
        if (channel.closed || !link.isOpen()) {
            return; // left unacknowledged: the consumer closes, the next session gets it
        }
        String body = new String(message.getData(), StandardCharsets.UTF_8);
        Command command;
        try {
            if (!(AgentProtocol.decodeToAgent(body) instanceof Command decoded)) {
                throw new ProtocolException("invalid", "not a command");
            }
            command = decoded;
        } catch (ProtocolException e) {
            refuse(link, consumer, message, e.getMessage());
            return;
        }
        if (!current(link)) {
            close(link); // a newer session gets this command once this consumer is closed
            return;
        }
        String serverId = command.serverId();
        if (serverId != null && link.servers().add(serverId)) {
            background.execute(() -> remember(link, serverId));
        }
        channel.pending.put(command.id(), new Pending(message.getMessageId(), command.serverId(), command.action(),
                System.nanoTime()));
        if (!link.send(body)) {
            channel.pending.remove(command.id());
            return;
        }
        delivered.increment();
    }

    /** A message that is no command: it would block the node's queue forever, so it is answered and dropped. */
    private void refuse(AgentLink link, Consumer<byte[]> consumer, Message<byte[]> message, String why) {
        undeliverable.increment();
        String commandId = message.getProperty("lormas-id");
        log.error("node {}: dropping an undeliverable message {} (key {}): {}", link.nodeId(),
                message.getMessageId(), message.getKey(), why);
        if (commandId != null) {
            String serverId = message.hasKey() ? message.getKey() : null;
            transactions.executeWithoutResult(status -> outbox.publish(new AgentCommandCompleted(link.nodeId(),
                    commandId, serverId, CommandResult.Status.FAILURE, Map.of(),
                    new CommandError("invalid_command", "node-service could not read the command: " + why),
                    Instant.now())));
        }
        consumer.acknowledgeAsync(message.getMessageId());
    }

    /**
     * The agent recorded a command.
     *
     * @return false when this session never delivered it
     */
    public boolean acked(AgentLink link, Ack ack) {
        Channel channel = channels.get(link);
        return channel != null && channel.pending.containsKey(ack.commandId());
    }

    /** What became of a result. */
    public enum Outcome {
        /** accepted: it is published, then its command acknowledged */
        COMPLETED,
        /** this session never delivered that command (or answered it already) */
        UNKNOWN_COMMAND,
        /** another session is current: not accepted */
        STALE
    }

    /**
     * Publishes a result as {@code AgentCommandCompleted} (server id and action from the delivered command, not
     * from the agent) and then acknowledges the command's message.
     */
    public Outcome completed(AgentLink link, CommandResult result) {
        Channel channel = channels.get(link);
        Pending pending = channel == null ? null : channel.pending.get(result.commandId());
        if (pending == null) {
            return Outcome.UNKNOWN_COMMAND;
        }
        if (!current(link)) {
            return Outcome.STALE;
        }
        if (!channel.answered.add(result.commandId())) {
            return Outcome.COMPLETED; // the same result twice before the first was written
        }
        AgentCommandCompleted event = new AgentCommandCompleted(link.nodeId(), result.commandId(), pending.serverId(),
                result.status(), result.result(), result.error(), Instant.now());
        try {
            results.write(new ReportWriter.Item(link.nodeId(), event, () -> {
                channel.pending.remove(result.commandId());
                channel.answered.remove(result.commandId());
                acknowledge(link, channel, result.commandId(), pending.messageId());
                completed.increment();
                turnaround.record(System.nanoTime() - pending.deliveredNanos(), TimeUnit.NANOSECONDS);
            }, () -> channel.answered.remove(result.commandId())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.answered.remove(result.commandId());
        }
        return Outcome.COMPLETED;
    }

    private void acknowledge(AgentLink link, Channel channel, String commandId, MessageId messageId) {
        Consumer<byte[]> consumer = channel.consumer;
        if (consumer == null) {
            return;
        }
        consumer.acknowledgeAsync(messageId).exceptionally(failure -> {
            // the result is published; the command comes again to the next session and is answered again
            log.debug("node {}: acknowledging command {} failed: {}", link.nodeId(), commandId, failure.toString());
            return null;
        });
    }

    /**
     * Whether the link is still its node's current session. Redis is asked at most once a second per session
     * (heartbeats confirm it too): announcements of a newer session close stale ones within milliseconds, this
     * check only covers an announcement that was lost.
     */
    private boolean current(AgentLink link) {
        if (System.nanoTime() - link.verifiedAt() < VERIFIED_FOR_NANOS) {
            return true;
        }
        Long current = presence.currentEpoch(link.nodeId());
        if (current != null && current < 0) {
            link.removed();
            return false;
        }
        if (current != null && current != link.epoch()) {
            link.stale();
            return false;
        }
        link.verified();
        return true;
    }

    private void remember(AgentLink link, String serverId) {
        try {
            nodeServers.remember(link.nodeId(), serverId);
        } catch (RuntimeException e) {
            // known to this session anyway; the next command for it tries again
            link.servers().remove(serverId);
            log.warn("node {}: recording server {} failed: {}", link.nodeId(), serverId, e.toString());
        }
    }

    /**
     * Makes sure the node's subscription exists as soon as the node does, so commands deploy-service publishes
     * before the agent's first connection are kept (a topic without subscriptions keeps nothing).
     */
    @TransactionalEventListener
    void on(NodeCreated created) {
        createSubscription(created.nodeId(), 0);
    }

    private void createSubscription(UUID nodeId, int attempt) {
        pulsar.newConsumer(Schema.BYTES)
                .topic(pulsarSettings.agentTopic(nodeId.toString()))
                .subscriptionName(settings.subscription())
                .subscriptionType(SubscriptionType.Failover)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .receiverQueueSize(1)
                .startPaused(true) // create the cursor only; the session's consumer reads
                .subscribeAsync()
                .thenCompose(Consumer::closeAsync)
                .exceptionally(failure -> {
                    if (attempt < 5) {
                        scheduler.schedule(() -> createSubscription(nodeId, attempt + 1),
                                Instant.now().plusSeconds(2L << attempt));
                    } else {
                        log.warn("node {}: could not create its command subscription ({}); it is created when its "
                                + "agent connects", nodeId, failure.toString());
                    }
                    return null;
                });
    }

}
