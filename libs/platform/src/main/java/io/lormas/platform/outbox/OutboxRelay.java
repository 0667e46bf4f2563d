package io.lormas.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.pulsar.client.api.BatcherBuilder;
import org.apache.pulsar.client.api.Producer;
import org.apache.pulsar.client.api.PulsarClient;
import org.apache.pulsar.client.api.Schema;
import org.apache.pulsar.client.api.TypedMessageBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.platform.tracing.TraceContext;

/**
 * Publishes outbox rows to Pulsar, oldest first, and marks them published in the same transaction that locked
 * them.
 * <p>
 * Several replicas may run relays at once. Each relay first takes transaction-scoped advisory locks on the key
 * buckets (hash of the message key) of the oldest pending rows, then reads pending rows of those buckets only,
 * with {@code FOR UPDATE SKIP LOCKED}: all pending rows of one aggregate go through one relay at a time and stay
 * in order, while relays holding different buckets publish in parallel. One process runs
 * {@link OutboxSettings#threads()} such relays, each taking at most its share of the buckets per round, so that one
 * round's wait for the broker overlaps other rounds' reads and commits (ADR 0002). A row is published twice only
 * when a relay dies between the broker's acknowledgement and its commit; consumers are idempotent for that reason.
 * <p>
 * While the broker is unreachable the relay backs off exponentially (with jitter) up to
 * {@link OutboxSettings#maxBackoff()}; rows wait in the table, nothing is lost.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Advisory lock class id for key buckets; 64 buckets keep the lock table small. */
    private static final int LOCK_CLASS = 0x4C4F; // "LO"
    private static final int KEY_BUCKETS = 64;
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(5);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PulsarClient pulsar;
    private final OutboxSettings settings;
    private final Duration sendTimeout;
    private final Map<String, Producer<byte[]>> producers = new ConcurrentHashMap<>();
    private final List<Semaphore> wakeUps;
    private final int bucketsPerRound;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Timer delivery;

    private volatile boolean running;
    private volatile boolean brokerReachable = true;
    private final List<Thread> threads = new ArrayList<>();
    private Instant lastMetrics = Instant.EPOCH;
    private Instant lastPurge = Instant.now();

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, PulsarClient pulsar, OutboxSettings settings,
            Duration sendTimeout, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.pulsar = pulsar;
        this.settings = settings;
        this.sendTimeout = sendTimeout;
        this.wakeUps = Stream.generate(() -> new Semaphore(0)).limit(settings.threads()).toList();
        this.bucketsPerRound = Math.max(1, KEY_BUCKETS / settings.threads());
        Gauge.builder("lormas.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published").register(meters);
        Gauge.builder("lormas.outbox.lag", lagMillis, value -> value.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest unpublished outbox row").register(meters);
        this.published = Counter.builder("lormas.outbox.published").register(meters);
        this.failures = Counter.builder("lormas.outbox.failures").register(meters);
        this.delivery = Timer.builder("lormas.outbox.delivery")
                .description("Time from outbox commit to broker acknowledgement").register(meters);
    }

    /** Called after a local commit wrote rows: publish now instead of at the next poll. */
    public void wakeUp() {
        for (Semaphore wakeUp : wakeUps) {
            if (wakeUp.availablePermits() == 0) {
                wakeUp.release();
            }
        }
    }

    /** False while the last publication attempt failed (the broker is unreachable). */
    public boolean brokerReachable() {
        return brokerReachable;
    }

    public long pendingCount() {
        return pending.get();
    }

    @Override
    public void start() {
        running = true;
        for (int worker = 0; worker < wakeUps.size(); worker++) {
            Semaphore wakeUp = wakeUps.get(worker);
            boolean housekeeper = worker == 0;
            Thread relay = Thread.ofPlatform().name("outbox-relay-" + worker).daemon()
                    .unstarted(() -> loop(wakeUp, housekeeper));
            threads.add(relay);
            relay.start();
        }
    }

    @Override
    public void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread relay : threads) {
            try {
                relay.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        producers.values().forEach(producer -> producer.closeAsync());
        producers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100; // stop before the data source and the Pulsar client go away
    }

    private void loop(Semaphore wakeUp, boolean housekeeper) {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (housekeeper) {
                    housekeeping();
                }
                int count = relayOnce();
                if (!brokerReachable) {
                    log.info("outbox relay: broker reachable again");
                }
                brokerReachable = true;
                backoff = Duration.ZERO;
                if (count == settings.batch()) {
                    wakeUp(); // a backlog: every relay of this process takes its share
                } else {
                    // only the first relay polls for rows committed elsewhere; the others wait to be woken
                    long idle = housekeeper ? settings.poll().toMillis() : settings.poll().toMillis() * 10;
                    wakeUp.tryAcquire(idle, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                backoff = nextBackoff(backoff);
                if (brokerReachable) {
                    log.warn("outbox relay: publishing failed, retrying with backoff (up to {}): {}",
                            settings.backoffCap(), e.toString());
                }
                brokerReachable = false;
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Duration nextBackoff(Duration previous) {
        long base = previous.isZero() ? 200 : Math.min(previous.toMillis() * 2, settings.backoffCap().toMillis());
        long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
        return Duration.ofMillis(Math.min(base + jitter, settings.backoffCap().toMillis()));
    }

    /**
     * Publishes one batch; returns how many rows it took. Throws when any send failed (after marking the ones
     * that succeeded), so the loop backs off.
     */
    int relayOnce() {
        BatchOutcome outcome = transactions.execute(status -> {
            // Lock the key buckets of the oldest pending rows first, then read rows of held buckets only: the
            // read's snapshot comes after the locks, so no other relay can be halfway through one of these keys.
            List<Integer> buckets = jdbc.sql("""
                    select bucket from (
                        select distinct hashtext(message_key) & :mask as bucket from (
                            select message_key from outbox_message where published_at is null order by seq limit :limit
                        ) oldest
                    ) candidates
                    where pg_try_advisory_xact_lock(:lockClass, bucket)
                    limit :bucketsPerRound
                    """).param("mask", KEY_BUCKETS - 1).param("limit", settings.batch()).param("lockClass", LOCK_CLASS)
                    .param("bucketsPerRound", bucketsPerRound)
                    .query(Integer.class).list();
            if (buckets.isEmpty()) {
                return new BatchOutcome(0, null);
            }
            List<Row> rows = jdbc.sql("""
                    select id, topic, message_key, message_type, body, traceparent, created_at
                    from outbox_message
                    where published_at is null and hashtext(message_key) & :mask in (:buckets)
                    order by seq
                    limit :limit
                    for update skip locked
                    """).param("mask", KEY_BUCKETS - 1).param("buckets", buckets).param("limit", settings.batch())
                    .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                    .list();
            if (rows.isEmpty()) {
                return new BatchOutcome(0, null);
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (Row row : rows) {
                sends.add(send(row));
            }
            List<UUID> done = new ArrayList<>();
            List<UUID> failed = new ArrayList<>();
            RuntimeException firstError = null;
            long deadline = System.nanoTime() + sendTimeout.plusSeconds(5).toNanos();
            for (int i = 0; i < rows.size(); i++) {
                try {
                    sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    done.add(rows.get(i).id());
                    delivery.record(Duration.between(rows.get(i).createdAt(), Instant.now()));
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    failed.add(rows.get(i).id());
                    if (firstError == null) {
                        firstError = new IllegalStateException("send to " + rows.get(i).topic() + " failed: " + e, e);
                    }
                }
            }
            if (!done.isEmpty()) {
                jdbc.sql("update outbox_message set published_at = now() where id in (:ids)").param("ids", done).update();
                published.increment(done.size());
            }
            if (!failed.isEmpty()) {
                jdbc.sql("update outbox_message set attempts = attempts + 1, last_error = :error where id in (:ids)")
                        .param("error", String.valueOf(firstError.getMessage()).substring(0,
                                Math.min(500, String.valueOf(firstError.getMessage()).length())))
                        .param("ids", failed).update();
            }
            return new BatchOutcome(rows.size(), firstError);
        });
        if (outcome.error() != null) {
            throw outcome.error();
        }
        return outcome.count();
    }

    private CompletableFuture<?> send(Row row) {
        Producer<byte[]> producer = producers.computeIfAbsent(row.topic(), this::createProducer);
        TypedMessageBuilder<byte[]> message = producer.newMessage()
                .key(row.key())
                .value(row.body().getBytes(StandardCharsets.UTF_8))
                .property("lormas-id", row.id().toString())
                .property("lormas-type", row.type())
                .eventTime(row.createdAt().toEpochMilli());
        if (row.traceparent() != null) {
            message.property(TraceContext.TRACEPARENT, row.traceparent());
        }
        return message.sendAsync();
    }

    private Producer<byte[]> createProducer(String topic) {
        try {
            return pulsar.newProducer(Schema.BYTES)
                    .topic(topic)
                    .enableBatching(true)
                    .batcherBuilder(BatcherBuilder.KEY_BASED) // Key_Shared consumers need per-key batches
                    .batchingMaxPublishDelay(1, TimeUnit.MILLISECONDS)
                    .sendTimeout((int) sendTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .blockIfQueueFull(true)
                    .maxPendingMessages(Math.max(1000, settings.batch() * 2))
                    .createAsync()
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting a producer for " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a producer for " + topic + ": " + e.getMessage(), e);
        }
    }

    private void housekeeping() {
        Instant now = Instant.now();
        if (Duration.between(lastMetrics, now).compareTo(METRICS_REFRESH) >= 0) {
            lastMetrics = now;
            jdbc.sql("select count(*), min(created_at) from outbox_message where published_at is null")
                    .query(rs -> {
                        pending.set(rs.getLong(1));
                        Timestamp oldest = rs.getTimestamp(2);
                        lagMillis.set(oldest == null ? 0 : Math.max(0, now.toEpochMilli() - oldest.getTime()));
                    });
        }
        if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) >= 0) {
            lastPurge = now;
            int purged = jdbc.sql("""
                    delete from outbox_message where id in (
                        select id from outbox_message where published_at < ? limit 10000)
                    """).param(Timestamp.from(now.minus(settings.keep()))).update();
            if (purged > 0) {
                log.debug("outbox relay: purged {} published rows", purged);
            }
        }
    }

    private record Row(UUID id, String topic, String key, String type, String body, @Nullable String traceparent,
            Instant createdAt) {
    }

    private record BatchOutcome(int count, @Nullable RuntimeException error) {
    }
}
