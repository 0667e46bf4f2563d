package io.lormas.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.platform.id.Ids;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.platform.testapp.PlatformIT;

/** Several relays on one table (the context's own plus two more) publish every row exactly once, in key order. */
@PlatformIT
class ConcurrentRelaysIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    PulsarClient pulsar;
    @Autowired
    PulsarSettings pulsarSettings;
    @Autowired
    Outbox outbox;

    @Test
    void publishesEachRowOnceWhileRelaysCompete() throws Exception {
        String topic = pulsarSettings.eventTopic("test.relay-race");
        int keys = 40;
        int perKey = 50;
        try (Consumer<byte[]> consumer = pulsar.newConsumer(Schema.BYTES).topic(topic).subscriptionName("race-check")
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest).subscribe()) {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < perKey; i++) {
                    for (int k = 0; k < keys; k++) {
                        outbox.send(Ids.newId(), topic, "key-" + k, "test.relay-race.sent", Integer.toString(i));
                    }
                }
            });
            OutboxSettings small = new OutboxSettings(true, 50, Duration.ofMillis(100), Duration.ofSeconds(1), null, null);
            OutboxRelay first = new OutboxRelay(jdbc, transactions, pulsar, small, Duration.ofSeconds(10),
                    new SimpleMeterRegistry());
            OutboxRelay second = new OutboxRelay(jdbc, transactions, pulsar, small, Duration.ofSeconds(10),
                    new SimpleMeterRegistry());
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> drain(first));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> drain(second));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);

            Map<String, Integer> copiesById = new HashMap<>();
            Map<String, Integer> lastSequenceByKey = new HashMap<>();
            int total = keys * perKey;
            for (int received = 0; received < total; received++) {
                Message<byte[]> message = consumer.receive(30, TimeUnit.SECONDS);
                assertThat(message).as("message %d of %d", received + 1, total).isNotNull();
                copiesById.merge(message.getProperty("lormas-id"), 1, Integer::sum);
                int sequence = Integer.parseInt(new String(message.getData(), StandardCharsets.UTF_8));
                Integer previous = lastSequenceByKey.put(message.getKey(), sequence);
                assertThat(sequence).as("order within %s", message.getKey()).isGreaterThan(previous == null ? -1 : previous);
                consumer.acknowledge(message);
            }
            assertThat(consumer.receive(2, TimeUnit.SECONDS)).as("no extra copies").isNull();
            assertThat(copiesById).hasSize(total).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
        }
    }

    private int drain(OutboxRelay relay) {
        int published = 0;
        for (int round = 0; round < 1000; round++) {
            int count = relay.relayOnce();
            published += count;
            Integer pending = jdbc.sql("select count(*) from outbox_message where published_at is null")
                    .query(Integer.class).single();
            if (count == 0 && pending == 0) {
                return published;
            }
        }
        return published;
    }

}
