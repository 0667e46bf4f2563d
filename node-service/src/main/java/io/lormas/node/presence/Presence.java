package io.lormas.node.presence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.lormas.contracts.agent.Heartbeat;

/**
 * Presence of agents in Redis (what may be lost: the database says who is online, Redis says who is alive).
 * <ul>
 * <li>{@code lormas:node:<id>:presence}: hash (epoch, at, usage), expires after {@link PresenceSettings#ttl()}</li>
 * <li>{@code lormas:node:<id>:session}: the current session epoch of the node, or {@code removed}</li>
 * <li>{@code lormas:node-service:presence-deadlines}: sorted set, node id by the time its presence expires</li>
 * <li>channel {@code lormas:node-service:sessions}: "{@code <nodeId> <epoch>}" when a session takes over,
 * "{@code <nodeId> removed}" when a node is removed; every replica closes what it holds that is older</li>
 * </ul>
 */
@Component
public class Presence {

    public static final String NOTICES = "lormas:node-service:sessions";
    static final String DEADLINES = "lormas:node-service:presence-deadlines";
    static final String REMOVED = "removed";

    /** Becomes the node's session unless a newer one (or removal) is recorded; announces it. 1 = taken over. */
    private static final RedisScript<Long> CLAIM = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current == 'removed' then return 0 end
            if current and tonumber(current) and tonumber(current) > tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('DEL', KEYS[2])
            redis.call('HSET', KEYS[2], 'epoch', ARGV[1], 'at', ARGV[3])
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[4], ARGV[5])
            redis.call('PUBLISH', ARGV[6], ARGV[5] .. ' ' .. ARGV[1])
            return 1
            """, Long.class);

    /**
     * A heartbeat of one session: -2 when the node was removed, -1 when the session is not the node's current one
     * (stale), else whether
     * presence existed before (0 = it had expired: the node was or is about to be marked offline).
     */
    private static final RedisScript<Long> BEAT = RedisScript.of("""
            local current = redis.call('GET', KEYS[1])
            if current == false then
                redis.call('SET', KEYS[1], ARGV[1])
            elseif current == 'removed' then
                return -2
            elseif current ~= ARGV[1] then
                return -1
            end
            local existed = redis.call('EXISTS', KEYS[2])
            redis.call('HSET', KEYS[2], 'epoch', ARGV[1], unpack(ARGV, 5))
            redis.call('PEXPIRE', KEYS[2], ARGV[2])
            redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
            return existed
            """, Long.class);

    /** Forgets a deadline unless a heartbeat moved it into the future meanwhile. */
    private static final RedisScript<Long> FORGET_DEADLINE = RedisScript.of("""
            local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
            if score and tonumber(score) <= tonumber(ARGV[2]) then
                return redis.call('ZREM', KEYS[1], ARGV[1])
            end
            return 0
            """, Long.class);

    private final StringRedisTemplate redis;
    private final PresenceSettings settings;

    /** Live values of a node from its last heartbeat. */
    public record Live(long epoch, Instant at, double cpuPercent, long memoryUsedMib, long memoryTotalMib,
            long diskUsedMib, long diskTotalMib) {
    }

    /** How a heartbeat was taken. */
    public enum Beat {
        /** recorded */
        OK,
        /** recorded, but presence had expired: the node must be marked online again */
        REVIVED,
        /** refused: another session of the node is the current one */
        STALE,
        /** refused: the node was removed */
        REMOVED
    }

    Presence(StringRedisTemplate redis, PresenceSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    static String presenceKey(UUID nodeId) {
        return "lormas:node:" + nodeId + ":presence";
    }

    static String sessionKey(UUID nodeId) {
        return "lormas:node:" + nodeId + ":session";
    }

    /**
     * Makes {@code epoch} the node's current session and tells every replica (they close older sessions).
     *
     * @return false when a newer session exists already or the node was removed
     */
    public boolean claim(UUID nodeId, long epoch) {
        long now = System.currentTimeMillis();
        Long taken = redis.execute(CLAIM, List.of(sessionKey(nodeId), presenceKey(nodeId), DEADLINES),
                Long.toString(epoch), Long.toString(settings.ttl().toMillis()), Instant.ofEpochMilli(now).toString(),
                Long.toString(now + settings.ttl().toMillis()), nodeId.toString(), NOTICES);
        return taken != null && taken == 1L;
    }

    /** Records a heartbeat of session {@code epoch}. */
    public Beat beat(UUID nodeId, long epoch, Heartbeat heartbeat) {
        long now = System.currentTimeMillis();
        var usage = heartbeat.usage();
        Long answer = redis.execute(BEAT, List.of(sessionKey(nodeId), presenceKey(nodeId), DEADLINES),
                Long.toString(epoch), Long.toString(settings.ttl().toMillis()),
                Long.toString(now + settings.ttl().toMillis()), nodeId.toString(),
                "at", Instant.ofEpochMilli(now).toString(),
                "cpu", Double.toString(usage.cpuPercent()),
                "memUsed", Long.toString(usage.memoryUsedMib()), "memTotal", Long.toString(usage.memoryTotalMib()),
                "diskUsed", Long.toString(usage.diskUsedMib()), "diskTotal", Long.toString(usage.diskTotalMib()),
                "containers", Integer.toString(heartbeat.containers().size()));
        if (answer == null || answer == -1L) {
            return Beat.STALE;
        }
        if (answer < 0) {
            return Beat.REMOVED;
        }
        return answer == 1L ? Beat.OK : Beat.REVIVED;
    }

    /** The node's current session epoch as Redis knows it; null when unknown (or removed: -1). */
    public @Nullable Long currentEpoch(UUID nodeId) {
        return parseEpoch(redis.opsForValue().get(sessionKey(nodeId)));
    }

    /** Current epochs of many nodes (one round trip); absent entries are unknown. */
    public Map<UUID, Long> currentEpochs(List<UUID> nodeIds) {
        Map<UUID, Long> epochs = new HashMap<>();
        if (nodeIds.isEmpty()) {
            return epochs;
        }
        List<String> values = redis.opsForValue().multiGet(nodeIds.stream().map(Presence::sessionKey).toList());
        for (int i = 0; values != null && i < nodeIds.size(); i++) {
            Long epoch = parseEpoch(values.get(i));
            if (epoch != null) {
                epochs.put(nodeIds.get(i), epoch);
            }
        }
        return epochs;
    }

    /** Which of the nodes have presence (one pipelined round trip). */
    public Set<UUID> present(Collection<UUID> nodeIds) {
        List<UUID> ids = new ArrayList<>(nodeIds);
        Set<UUID> present = new HashSet<>();
        if (ids.isEmpty()) {
            return present;
        }
        List<Object> exists = redis.executePipelined((RedisCallback<Object>) connection -> {
            ids.forEach(id -> connection.keyCommands().exists(bytes(presenceKey(id))));
            return null;
        });
        for (int i = 0; i < ids.size(); i++) {
            if (Boolean.TRUE.equals(exists.get(i))) {
                present.add(ids.get(i));
            }
        }
        return present;
    }

    /** Live values of the nodes that have presence. */
    public Map<UUID, Live> live(List<UUID> nodeIds) {
        Map<UUID, Live> live = new HashMap<>();
        if (nodeIds.isEmpty()) {
            return live;
        }
        List<Object> hashes = redis.executePipelined((RedisCallback<Object>) connection -> {
            nodeIds.forEach(id -> connection.hashCommands().hGetAll(bytes(presenceKey(id))));
            return null;
        });
        for (int i = 0; i < nodeIds.size(); i++) {
            if (hashes.get(i) instanceof Map<?, ?> hash && hash.get("at") != null) {
                try {
                    live.put(nodeIds.get(i), new Live(Long.parseLong(String.valueOf(hash.get("epoch"))),
                            Instant.parse(String.valueOf(hash.get("at"))), number(hash.get("cpu")),
                            (long) number(hash.get("memUsed")), (long) number(hash.get("memTotal")),
                            (long) number(hash.get("diskUsed")), (long) number(hash.get("diskTotal"))));
                } catch (RuntimeException e) {
                    // a hash from an older version or half written: no live values for this node
                }
            }
        }
        return live;
    }

    /** Nodes whose presence deadline passed (candidates; the sweeper checks presence itself). */
    List<UUID> expiredDeadlines(int limit) {
        Set<String> members = redis.opsForZSet().rangeByScore(DEADLINES, 0, System.currentTimeMillis(), 0, limit);
        List<UUID> ids = new ArrayList<>();
        if (members != null) {
            for (String member : members) {
                try {
                    ids.add(UUID.fromString(member));
                } catch (IllegalArgumentException e) {
                    redis.opsForZSet().remove(DEADLINES, member);
                }
            }
        }
        return ids;
    }

    void forgetDeadline(UUID nodeId) {
        redis.execute(FORGET_DEADLINE, List.of(DEADLINES), nodeId.toString(),
                Long.toString(System.currentTimeMillis()));
    }

    /** Watches this node again (its presence is gone but the database says online). */
    void expireNow(UUID nodeId) {
        redis.opsForZSet().add(DEADLINES, nodeId.toString(), 0);
    }

    /** The node was removed: no session of it is current any more, every replica closes what it holds. */
    public void revoke(UUID nodeId) {
        redis.opsForValue().set(sessionKey(nodeId), REMOVED, java.time.Duration.ofDays(1));
        redis.delete(presenceKey(nodeId));
        redis.opsForZSet().remove(DEADLINES, nodeId.toString());
        redis.convertAndSend(NOTICES, nodeId + " " + REMOVED);
    }

    private static @Nullable Long parseEpoch(@Nullable String value) {
        if (value == null) {
            return null;
        }
        if (REMOVED.equals(value)) {
            return -1L;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static byte[] bytes(String key) {
        return key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static double number(@Nullable Object value) {
        return value == null ? 0 : Double.parseDouble(String.valueOf(value));
    }
}
