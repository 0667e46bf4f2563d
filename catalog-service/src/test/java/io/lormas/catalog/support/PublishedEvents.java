package io.lormas.catalog.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.PulsarClientException;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.testkit.Awaits;

/**
 * Reads catalog-service's event topics from the real broker, as another service would (its own subscription, from
 * the earliest message), and keeps every envelope received.
 */
@TestComponent
public class PublishedEvents implements DisposableBean {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final Consumer<byte[]> consumer;

    PublishedEvents(PulsarClient pulsar, PulsarSettings settings) throws PulsarClientException {
        consumer = pulsar.newConsumer()
                .topics(List.of(settings.eventTopic("catalog.egg"), settings.eventTopic("catalog.plan")))
                .subscriptionName("catalog-test-" + UUID.randomUUID())
                .subscriptionType(SubscriptionType.Exclusive)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .messageListener((c, message) -> {
                    received.add(JSON.readTree(message.getData()));
                    c.acknowledgeAsync(message);
                })
                .subscribe();
    }

    /** Every envelope about one aggregate, in the order received. */
    public List<JsonNode> about(Object aggregateId) {
        return received.stream().filter(e -> e.path("aggregateId").asString().equals(aggregateId.toString())).toList();
    }

    /** Waits for an envelope of this type about this aggregate that also matches {@code condition}. */
    public JsonNode await(String type, Object aggregateId, Predicate<JsonNode> condition) {
        Awaits.until(Duration.ofSeconds(30), type + " about " + aggregateId,
                () -> about(aggregateId).stream().anyMatch(e -> e.path("type").asString().equals(type) && condition.test(e)));
        return about(aggregateId).stream()
                .filter(e -> e.path("type").asString().equals(type) && condition.test(e))
                .findFirst().orElseThrow();
    }

    public JsonNode await(String type, Object aggregateId) {
        return await(type, aggregateId, e -> true);
    }

    @Override
    public void destroy() throws PulsarClientException {
        consumer.close();
    }
}
