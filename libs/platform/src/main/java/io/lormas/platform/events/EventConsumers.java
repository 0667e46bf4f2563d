package io.lormas.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.DeadLetterPolicy;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.MessageListener;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.apache.pulsar.client.impl.MultiplierRedeliveryBackoff;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.EventEnvelope;
import io.lormas.contracts.Topics;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.platform.tracing.TraceContext;

/**
 * Runs one durable Key_Shared subscription per event stream that has {@link EventHandler}s, plus a recorder on
 * each dead-letter topic. Subscribing retries in the background, so the service starts while the broker is
 * down.
 */
public class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final EventHandlers handlers;
    private final PulsarClient pulsar;
    private final PulsarSettings pulsarSettings;
    private final EventSettings settings;
    private final String subscription;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final TraceContext trace;
    private final DeadLetters deadLetters;
    private final List<Consumer<byte[]>> consumers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private volatile @Nullable Thread subscriber;
    private volatile CountDownLatch ready = new CountDownLatch(1);

    public EventConsumers(EventHandlers handlers, PulsarClient pulsar, PulsarSettings pulsarSettings,
            EventSettings settings, String subscription, JdbcClient jdbc, TransactionTemplate transactions,
            JsonMapper json, TraceContext trace, DeadLetters deadLetters) {
        this.handlers = handlers;
        this.pulsar = pulsar;
        this.pulsarSettings = pulsarSettings;
        this.settings = settings;
        this.subscription = subscription;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.trace = trace;
        this.deadLetters = deadLetters;
    }

    public String subscription() {
        return subscription;
    }

    /** Waits until every subscription exists (tests, readiness); true when they do. */
    public boolean awaitSubscribed(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True when every consumer is connected to the broker (or there are none). */
    public boolean connected() {
        return ready.getCount() == 0 && consumers.stream().allMatch(Consumer::isConnected);
    }

    @Override
    public void start() {
        running = true;
        Map<String, List<EventHandlers.Handler>> streams = handlers.byStream();
        if (streams.isEmpty() || !settings.enabled()) {
            ready.countDown();
            return;
        }
        Thread thread = Thread.ofPlatform().name("event-subscriber").daemon().unstarted(() -> subscribeAll(streams));
        subscriber = thread;
        thread.start();
    }

    private void subscribeAll(Map<String, List<EventHandlers.Handler>> streams) {
        List<String> pendingStreams = new ArrayList<>(streams.keySet());
        long backoff = 500;
        while (running && !pendingStreams.isEmpty()) {
            String stream = pendingStreams.getFirst();
            try {
                subscribe(pulsarSettings.eventTopic(stream));
                pendingStreams.removeFirst();
                backoff = 500;
            } catch (Exception e) {
                log.warn("cannot subscribe to {} yet, retrying in {} ms: {}", stream, backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
        if (running) {
            log.info("subscribed as '{}' to {}", subscription, streams.keySet());
            ready.countDown();
        }
    }

    private void subscribe(String topic) throws Exception {
        String deadLetterTopic = Topics.deadLetter(topic, subscription);
        String recorderSubscription = subscription + "-dead-letters";
        long timeout = pulsarSettings.timeout().toMillis() * 2;
        Consumer<byte[]> recorder = pulsar.newConsumer(Schema.BYTES)
                .topic(deadLetterTopic)
                .subscriptionName(recorderSubscription)
                .subscriptionType(SubscriptionType.Shared)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .messageListener((MessageListener<byte[]>) (consumer, message) -> record(consumer, message, topic))
                .subscribeAsync().get(timeout, TimeUnit.MILLISECONDS);
        consumers.add(recorder);
        Consumer<byte[]> consumer = pulsar.newConsumer(Schema.BYTES)
                .topics(List.of(topic, Topics.retry(topic, subscription)))
                .subscriptionName(subscription)
                .subscriptionType(SubscriptionType.Key_Shared)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .receiverQueueSize(500)
                .negativeAckRedeliveryBackoff(MultiplierRedeliveryBackoff.builder()
                        .minDelayMs(settings.firstBackoff().toMillis())
                        .maxDelayMs(settings.backoffCap().toMillis())
                        .multiplier(2)
                        .build())
                .deadLetterPolicy(DeadLetterPolicy.builder()
                        .maxRedeliverCount(settings.attempts() - 1)
                        .deadLetterTopic(deadLetterTopic)
                        .initialSubscriptionName(recorderSubscription)
                        .build())
                .messageListener((MessageListener<byte[]>) this::handle)
                .subscribeAsync().get(timeout, TimeUnit.MILLISECONDS);
        consumers.add(consumer);
    }

    private void handle(Consumer<byte[]> consumer, Message<byte[]> message) {
        String type = message.getProperty("lormas-type");
        try {
            JsonNode root = json.readTree(message.getData());
            type = root.path("type").asString();
            EventHandlers.Handler handler = handlers.forType(type);
            if (handler == null) {
                consumer.acknowledge(message); // an event of the stream this service does not need
                return;
            }
            UUID eventId = UUID.fromString(root.path("id").asString());
            Object payload = json.treeToValue(root.get("payload"), handler.eventClass());
            String traceparent = root.path("traceparent").isString() ? root.path("traceparent").asString() : null;
            EventEnvelope<Object> envelope = new EventEnvelope<>(eventId, type, root.path("version").asInt(1),
                    Instant.parse(root.path("occurredAt").asString()), root.path("aggregateId").asString(), traceparent,
                    payload);
            String eventType = type;
            trace.continueTrace(traceparent, "consume " + type, () -> transactions.execute(status -> {
                int fresh = jdbc.sql("""
                        insert into inbox_message (subscription, event_id, event_type) values (?, ?, ?)
                        on conflict do nothing
                        """).params(subscription, eventId, eventType).update();
                if (fresh == 1) {
                    try {
                        handler.invoke(payload, envelope);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new HandlerFailedException(e);
                    }
                }
                return null;
            }));
            consumer.acknowledge(message);
        } catch (Exception e) {
            int attempt = message.getRedeliveryCount() + 1;
            Throwable cause = e instanceof HandlerFailedException ? e.getCause() : e;
            if (attempt >= settings.attempts()) {
                log.error("handling {} {} failed on the last attempt ({} of {}); it goes to the dead-letter topic",
                        type, message.getMessageId(), attempt, settings.attempts(), cause);
            } else {
                log.warn("handling {} {} failed (attempt {} of {}), retrying with backoff: {}", type,
                        message.getMessageId(), attempt, settings.attempts(), String.valueOf(cause));
            }
            consumer.negativeAcknowledge(message);
        }
    }

    private void record(Consumer<byte[]> consumer, Message<byte[]> message, String topic) {
        try {
            deadLetters.record(subscription, topic, message);
            consumer.acknowledge(message);
        } catch (Exception e) {
            log.warn("cannot record dead letter {}: {}", message.getMessageId(), e.toString());
            consumer.negativeAcknowledge(message);
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = subscriber;
        if (thread != null) {
            thread.interrupt();
        }
        for (Consumer<byte[]> consumer : consumers) {
            try {
                consumer.close();
            } catch (Exception e) {
                log.debug("closing consumer: {}", e.toString());
            }
        }
        consumers.clear();
        ready = new CountDownLatch(1);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    /** Wraps a checked exception of a handler so it rolls the transaction back. */
    static final class HandlerFailedException extends RuntimeException {
        HandlerFailedException(Exception cause) {
            super(cause);
        }
    }
}
