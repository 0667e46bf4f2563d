package io.lormas.node;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import tools.jackson.databind.JsonNode;

import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.testkit.Awaits;

/**
 * Collects the events node-service publishes ({@code node.node} and {@code node.agent}) as envelopes, for tests to
 * await. One per event namespace (so per Spring context), subscribed before the first test of that context acts.
 */
public final class EventTap {

    private static final Map<String, EventTap> TAPS = new ConcurrentHashMap<>();

    private final List<JsonNode> envelopes = new CopyOnWriteArrayList<>();
    private final Consumer<byte[]> consumer;

    private EventTap(PulsarClient pulsar, PulsarSettings settings) throws PulsarClientException {
        consumer = pulsar.newConsumer(Schema.BYTES)
                .topics(List.of(settings.eventTopic("node.node"), settings.eventTopic("node.agent")))
                .subscriptionName("test-tap-" + UUID.randomUUID())
                .subscriptionType(SubscriptionType.Exclusive)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .messageListener((c, message) -> {
                    envelopes.add(Api.JSON.readTree(new String(message.getData(), StandardCharsets.UTF_8)));
                    c.acknowledgeAsync(message);
                })
                .subscribe();
    }

    public static EventTap of(PulsarClient pulsar, PulsarSettings settings) {
        return TAPS.computeIfAbsent(settings.events(), namespace -> {
            try {
                return new EventTap(pulsar, settings);
            } catch (PulsarClientException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Envelopes of the given type about the given aggregate (node id or server id). */
    public List<JsonNode> events(String type, String aggregateId) {
        return envelopes.stream()
                .filter(e -> type.equals(e.path("type").asString()) && aggregateId.equals(e.path("aggregateId").asString()))
                .toList();
    }

    /** Waits for an event of the type about the aggregate that matches; returns its payload. */
    public JsonNode await(String type, String aggregateId, Predicate<JsonNode> payload, Duration timeout) {
        Awaits.until(timeout, "event " + type + " of " + aggregateId,
                () -> events(type, aggregateId).stream().anyMatch(e -> payload.test(e.path("payload"))));
        return events(type, aggregateId).stream().map(e -> e.path("payload")).filter(payload).findFirst().orElseThrow();
    }

    public JsonNode await(String type, String aggregateId, Duration timeout) {
        return await(type, aggregateId, payload -> true, timeout);
    }
}
