package io.lormas.node.command;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.lormas.contracts.LormasEvent;
import io.lormas.platform.outbox.Outbox;

/**
 * Writes what agents report (command results, inventories, container events) to the outbox in batches: one
 * transaction (one commit) for up to {@value #BATCH} events instead of one each, which is what lets thousands of
 * agents through a small connection pool. A command's message is acknowledged only after the batch holding its
 * result committed. Reports of one node always go through the same writer, so they are published in the order
 * they arrived.
 */
@Component
public class ReportWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);
    static final int BATCH = 256;
    private static final int QUEUE = 10_000;

    /** An event of a node to publish, and what to do once it is committed (or given up at shutdown). */
    record Item(UUID nodeId, LormasEvent event, Runnable committed, Runnable failed) {
    }

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final List<BlockingQueue<Item>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    ReportWriter(Outbox outbox, TransactionTemplate transactions, CommandSettings settings) {
        this.outbox = outbox;
        this.transactions = transactions;
        for (int i = 0; i < Math.max(1, settings.reportWriters()); i++) {
            queues.add(new ArrayBlockingQueue<>(QUEUE));
        }
    }

    /**
     * Queues an event of a node; blocks while the writer is that far behind (back-pressure on the agent's
     * session).
     */
    public void write(UUID nodeId, LormasEvent event) throws InterruptedException {
        write(new Item(nodeId, event, () -> { }, () -> { }));
    }

    void write(Item item) throws InterruptedException {
        int writer = Math.floorMod(item.nodeId().hashCode(), queues.size());
        queues.get(writer).put(item);
    }

    private void loop(BlockingQueue<Item> queue) {
        List<Item> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Item first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                publish(batch);
                batch.forEach(item -> item.committed().run());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // stopping while the database is away: nothing was acknowledged, so the commands are delivered
                // again to the node's next session and answered again
                log.warn("dropping {} unpublished agent reports at shutdown: {}", batch.size(), e.toString());
                batch.forEach(item -> item.failed().run());
            } finally {
                batch.clear();
            }
        }
    }

    /** Publishes a batch, retrying with backoff while the database fails (reports wait, none is lost). */
    private void publish(List<Item> batch) throws InterruptedException {
        long backoff = 200;
        while (true) {
            try {
                transactions.executeWithoutResult(status -> batch.forEach(item -> outbox.publish(item.event())));
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    throw e;
                }
                log.warn("publishing {} agent reports failed, retrying in {} ms: {}", batch.size(), backoff,
                        e.toString());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Item> queue = queues.get(i);
            writers.add(Thread.ofVirtual().name("agent-reports-" + i).start(() -> loop(queue)));
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 60; // after the sessions are closed, before the outbox relay stops
    }
}
