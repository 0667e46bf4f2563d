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
 * ./mvnw -pl libs/platform test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.lormas.platform.bench.OutboxBenchmark \
 *     [-Dbench.seconds=30 -Dbench.writers=8 -Dbench.warmup=10 -Dbench.rate=5000 -Dbench.timeline=true]
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
        int warmup = Integer.getInteger("bench.warmup", 10);
        // events/s offered by all writers together; 0 = as fast as they can (the sustainable maximum)
        int rate = Integer.getInteger("bench.rate", 0);
        Map<String, Object> properties = new HashMap<>(
                InfrastructureContextCustomizerFactory.infrastructureProperties(true, false, true));
        properties.put("lormas.outbox.poll-interval", "50ms");
        properties.put("logging.level.root", "WARN");
        SpringApplication application = new SpringApplication(TestApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = application.run()) {
            run(context, warmup, seconds, writers, rate);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, int warmup, int seconds, int writers, int rate)
            throws Exception {
        Outbox outbox = context.getBean(Outbox.class);
        TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
        PulsarClient pulsar = context.getBean(PulsarClient.class);
        String topic = context.getBean(PulsarSettings.class).eventTopic("bench.tick");
        JsonMapper json = JsonMapper.builder().build();

        long[] latencies = new long[20_000_000];
        long[] receivedAt = new long[latencies.length];
        AtomicInteger received = new AtomicInteger();
        AtomicLong firstReceive = new AtomicLong();
        AtomicLong lastReceive = new AtomicLong();
        // events committed before this instant warm the JIT, the broker and the caches; they are not measured
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        try (Consumer<byte[]> consumer = pulsar.newConsumer(Schema.BYTES).topic(topic).subscriptionName("bench")
                .subscriptionType(SubscriptionType.Key_Shared)
                .subscriptionInitialPosition(SubscriptionInitialPosition.Earliest)
                .receiverQueueSize(5000)
                .messageListener((Consumer<byte[]> c, Message<byte[]> message) -> {
                    long now = System.nanoTime();
                    JsonNode payload = json.readTree(new String(message.getData(), StandardCharsets.UTF_8)).path("payload");
                    long committedAt = payload.path("committedAtNanos").asLong();
                    if (committedAt < measureFrom.get()) {
                        c.acknowledgeAsync(message);
                        return;
                    }
                    int index = received.getAndIncrement();
                    if (index == 0) {
                        firstReceive.set(now);
                    }
                    lastReceive.set(now);
                    if (index < latencies.length) {
                        latencies[index] = now - committedAt;
                        receivedAt[index] = now;
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
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
            measureFrom.set(start);
            for (int w = 0; w < writers; w++) {
                Thread.ofPlatform().start(() -> {
                    long[] committedAt = new long[1];
                    long interval = rate > 0 ? TimeUnit.SECONDS.toNanos(writers) / rate : 0;
                    long next = System.nanoTime();
                    while (writing.get()) {
                        if (interval > 0) {
                            next += interval; // a fixed schedule: a slow commit is followed by quicker ones
                            java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                        }
                        transactions.executeWithoutResult(s -> {
                            // The timestamp is taken as late as possible; the commit follows immediately.
                            committedAt[0] = System.nanoTime();
                            outbox.publish(new TickCommitted(UUID.randomUUID(), committedAt[0]));
                        });
                        if (committedAt[0] >= start) {
                            written.incrementAndGet();
                        }
                    }
                    done.countDown();
                });
            }
            Thread.sleep(Duration.ofSeconds(warmup + seconds));
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
            System.out.printf("%nOutbox benchmark: %d writer threads, %s, %d s measured after %d s of warm-up, one event per transaction%n",
                    writers, rate > 0 ? "offering " + rate + " events/s" : "as fast as they can", seconds, warmup);
            System.out.printf("  written   %,d events  (%.0f commits/s)%n", written.get(), written.get() / (writeNanos / 1e9));
            System.out.printf("  consumed  %,d events  (%.0f events/s sustained, first write to last receipt)%n", count,
                    count / consumeSeconds);
            System.out.printf("  commit-to-consume latency  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[count - 1] / 1e6);
            System.out.printf("  lost: %d%n", written.get() - count);
            if (Boolean.getBoolean("bench.timeline")) {
                printTimeline(latencies, receivedAt, count, start);
            }
        }
    }

    /** Per second of the run: events received and their worst latency, to tell steady lag from stalls. */
    private static void printTimeline(long[] latencies, long[] receivedAt, int count, long start) {
        Map<Long, long[]> bySecond = new java.util.TreeMap<>();
        for (int i = 0; i < count; i++) {
            long[] second = bySecond.computeIfAbsent((receivedAt[i] - start) / 1_000_000_000L, s -> new long[2]);
            second[0]++;
            second[1] = Math.max(second[1], latencies[i]);
        }
        bySecond.forEach((second, figures) -> System.out.printf("  second %3d: %,6d received, max latency %.0f ms%n",
                second, figures[0], figures[1] / 1e6));
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
