package io.lormas.node.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.lormas.contracts.agent.Console;
import io.lormas.contracts.agent.Stats;

/**
 * Hands console lines and stats of a server to deploy-service's console sockets through Redis (what may be
 * lost): pub/sub channel {@code lormas:server:<serverId>:console} with frames {@code {"event":"console",
 * "lines":[...]}} and {@code {"event":"stats",...}}, the last {@value #RECENT_LINES} lines in the list
 * {@code lormas:server:<serverId>:console:recent} (for a socket that opens later), and the last stats in
 * {@code lormas:server:<serverId>:stats} for a minute.
 */
@Component
public class ConsoleFanout {

    static final int RECENT_LINES = 200;
    /** Recent lines of a server nobody writes to any more disappear after a week. */
    static final long RECENT_TTL_SECONDS = 7 * 24 * 3600;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Publish, append the lines, trim to the last N, refresh the TTL: one round trip. */
    private static final RedisScript<Long> CONSOLE = RedisScript.of("""
            redis.call('PUBLISH', ARGV[1], ARGV[2])
            if #ARGV > 4 then
                redis.call('RPUSH', KEYS[1], unpack(ARGV, 5))
                redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
                redis.call('EXPIRE', KEYS[1], ARGV[4])
            end
            return 1
            """, Long.class);

    private static final RedisScript<Long> STATS = RedisScript.of("""
            redis.call('PUBLISH', ARGV[1], ARGV[2])
            redis.call('SET', KEYS[1], ARGV[2], 'EX', 60)
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final Counter lines;

    ConsoleFanout(StringRedisTemplate redis, MeterRegistry meters) {
        this.redis = redis;
        this.lines = Counter.builder("lormas.node.console.lines").register(meters);
    }

    static String channel(String serverId) {
        return "lormas:server:" + serverId + ":console";
    }

    static String recentKey(String serverId) {
        return "lormas:server:" + serverId + ":console:recent";
    }

    static String statsKey(String serverId) {
        return "lormas:server:" + serverId + ":stats";
    }

    public void console(Console console) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("event", "console");
        frame.put("source", console.source() == Console.Source.INSTALL ? "install" : "server");
        frame.put("lines", console.lines());
        if (console.dropped() > 0) {
            frame.put("dropped", console.dropped());
        }
        List<String> args = new ArrayList<>(4 + Math.min(RECENT_LINES, console.lines().size()));
        args.add(channel(console.serverId()));
        args.add(JSON.writeValueAsString(frame));
        args.add(Integer.toString(RECENT_LINES));
        args.add(Long.toString(RECENT_TTL_SECONDS));
        List<String> recent = console.lines();
        // only the last N can survive the trim: do not ship more
        args.addAll(recent.subList(Math.max(0, recent.size() - RECENT_LINES), recent.size()));
        redis.execute(CONSOLE, List.of(recentKey(console.serverId())), args.toArray());
        lines.increment(console.lines().size());
    }

    public void stats(Stats stats) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("event", "stats");
        frame.put("at", stats.at().toString());
        frame.put("cpuPercent", stats.cpuPercent());
        frame.put("memoryBytes", stats.memoryBytes());
        frame.put("memoryLimitBytes", stats.memoryLimitBytes());
        frame.put("networkRxBytes", stats.networkRxBytes());
        frame.put("networkTxBytes", stats.networkTxBytes());
        frame.put("diskBytes", stats.diskBytes());
        String json = JSON.writeValueAsString(frame);
        redis.execute(STATS, List.of(statsKey(stats.serverId())), channel(stats.serverId()), json);
    }
}
