package io.lormas.node.presence;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.lormas.contracts.agent.Heartbeat;

/**
 * Heartbeats go to Redis at once; the database gets each node's latest usage and heartbeat time in one batch
 * every {@code usage-flush-interval}, so 10,000 agents do not cost 1,000 updates a second. What is lost in a
 * crash is at most one interval of usage history, which Redis still has.
 */
@Component
public class UsageWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageWriter.class);
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final Map<UUID, Latest> latest = new ConcurrentHashMap<>();
    private volatile boolean running;

    private record Latest(long epoch, Heartbeat heartbeat, long receivedAtMillis) {
    }

    UsageWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the latest heartbeat of a node's session (no I/O). */
    public void record(UUID nodeId, long epoch, Heartbeat heartbeat) {
        latest.put(nodeId, new Latest(epoch, heartbeat, System.currentTimeMillis()));
    }

    @Scheduled(fixedDelayString = "${lormas.node.presence.usage-flush-interval:60s}",
            initialDelayString = "${lormas.node.presence.usage-flush-interval:60s}")
    void flush() {
        if (latest.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (UUID nodeId : List.copyOf(latest.keySet())) {
            Latest entry = latest.remove(nodeId);
            if (entry == null) {
                continue;
            }
            var usage = entry.heartbeat().usage();
            Timestamp at = new Timestamp(entry.receivedAtMillis());
            rows.add(new Object[] { usage.cpuPercent(), usage.memoryUsedMib(), usage.memoryTotalMib(),
                    usage.diskUsedMib(), usage.diskTotalMib(), at, at, nodeId, entry.epoch() });
        }
        try {
            for (int from = 0; from < rows.size(); from += BATCH) {
                // Only for the session that sent it: an older session's usage never overwrites a newer one's.
                jdbc.batchUpdate("""
                        update node
                        set cpu_percent = ?, memory_used_mib = ?, memory_total_mib = ?, disk_used_mib = ?,
                            disk_total_mib = ?, usage_at = ?, last_heartbeat_at = ?
                        where id = ? and session_epoch = ?
                        """, rows.subList(from, Math.min(rows.size(), from + BATCH)));
            }
        } catch (RuntimeException e) {
            log.warn("writing the usage of {} nodes failed (Redis has it; next try in one interval): {}", rows.size(),
                    e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200; // after sessions are closed, before the data source goes
    }
}
