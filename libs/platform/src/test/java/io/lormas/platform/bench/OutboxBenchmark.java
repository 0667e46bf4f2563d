package io.lormas.platform.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.pulsar.client.api.Consumer;
import org.apache.pulsar.client.api.Message;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.SubscriptionInitialPosition;
import org.apache.pulsar.client.api.SubscriptionType;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;
import io.lormas.platform.outbox.Outbox;
import io.lormas.platform.pulsar.PulsarSettings;
import io.lormas.platform.testapp.TestApplication;
import io.lormas.testkit.InfrastructureContextCustomizerFactory;

/**
 * Outbox commit-to-consume throughput and latency through the real broker: writer threads commit one event per
 * transaction as fast as they can for a fixed time; a consumer measures how many arrive per second and how long
 * each took from commit to receipt. Prints figures, asserts nothing.
 * <pre>
 * ./mvnw -o -pl libs/platform test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.lormas.platform.bench.OutboxBenchmark [-Dbench.seconds=30 -Dbench.writers=4]
 * </pre>
 */
public final class OutboxBenchmark {

    @EventType(name = "bench.tick.committed", stream = "bench.tick")
    record TickCommitted(UUID tickId, long committedAtNanos) implements LormasEvent {
        @Override
        public String aggregateId() {
            return tickId.toString();
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        int writers = Integer.getInteger("bench.writers", 4);
        Map<String, Object> properties = new HashMap<>(
                InfrastructureContextCustomizerFactory.infrastructureProperties(true, false, true));
        properties.put("lormas.outbox.poll-interval", "50ms");
        properties.put("logging.level.root", "WARN");
        SpringApplication application = new SpringApplication(TestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = application.run()) {
            run(context, seconds, writers);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int seconds, int writers) throws Exception {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        PulsarClient pulsar = context.getBean(PulsarClient.class);
        String topic = context.getBean(PulsarSettings.class).eventTopic("bench.tick");
        JsonMapper json = JsonMapper.builder().build();

        long[] latencies = new long[20_000_000];
        AtomicInteger received = new AtomicInteger();
        AtomicLong firstReceive = new AtomicLong();
        AtomicLong lastReceive = new AtomicLong();
        try (Consumer<byte[]> consumer = pulsar.newConsumer(Schema.BYTES).topic(topic).subscriptionName("bench")
                .subscriptionType(SubscriptionType.Key_Shared)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .receiverQueueSize(5000)
                .messageListener((Consumer<byte[]> c, Message<byte[]> message) -> {
                    long now = System.nanoTime();
                    JsonNode payload = json.readTree(new String(message.getData(), StandardCharsets.UTF_8)).path("payload");
                    int index = received.getAndIncrement();
                    if (index == 0) {
                        firstReceive.set(now);
                    }
                    lastReceive.set(now);
                    if (index < latencies.length) {
                        latencies[index] = now - payload.path("committedAtNanos").asLong();
                    }
                    c.acknowledgeAsync(message);
                })
                .subscribe()) {
            // Warm up the producer and connection.
            transactions.executeWithoutResult(s -> outbox.publish(new TickCommitted(UUID.randomUUID(), System.nanoTime())));
            Thread.sleep(2000);
            received.set(0);

            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(writers);
            long start = System.nanoTime();
            for (int w = 0; w < writers; w++) {
                Thread.ofPlatform().start(() -> {
                    while (writing.get()) {
                        transactions.executeWithoutResult(s -> {
                            // The timestamp is taken as late as possible; the commit follows immediately.
                            outbox.publish(new TickCommitted(UUID.randomUUID(), System.nanoTime()));
                        });
                        written.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            Thread.sleep(Duration.ofSeconds(seconds));
            writing.set(false);
            done.await();
            long writeNanos = System.nanoTime() - start;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.get() < written.get() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            int count = Math.min(received.get(), latencies.length);
            long[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            double consumeSeconds = (lastReceive.get() - start) / 1e9;
            System.out.printf("%nOutbox benchmark: %d writer threads, %d s, one event per transaction%n", writers, seconds);
            System.out.printf("  written   %,d events  (%.0f commits/s)%n", written.get(), written.get() / (writeNanos / 1e9));
            System.out.printf("  consumed  %,d events  (%.0f events/s sustained, first write to last receipt)%n", count,
                    count / consumeSeconds);
            System.out.printf("  commit-to-consume latency  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[count - 1] / 1e6);
            System.out.printf("  lost: %d%n", written.get() - count);
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
