package io.lormas.node.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param heartbeatInterval what agents are told in {@code welcome}
 * @param missedHeartbeats after this many missed heartbeats the node is offline (presence TTL = interval x this)
 * @param sweepInterval how often every replica looks for expired presence
 * @param fullScanInterval how often the sweeper also checks every online node (covers presence Redis lost)
 * @param usageFlushInterval heartbeats reach Redis at once; the database gets the latest usage this often
 */
@ConfigurationProperties("lormas.node.presence")
public record PresenceSettings(
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("3") int missedHeartbeats,
        @DefaultValue("2s") Duration sweepInterval,
        @DefaultValue("30s") Duration fullScanInterval,
        @DefaultValue("60s") Duration usageFlushInterval) {

    public PresenceSettings {
        if (heartbeatInterval.toMillis() < 100 || heartbeatInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("lormas.node.presence.heartbeat-interval must be between 100 ms and 5 min");
        }
        if (missedHeartbeats < 1 || missedHeartbeats > 100) {
            throw new IllegalArgumentException("lormas.node.presence.missed-heartbeats must be between 1 and 100");
        }
    }

    /** How long presence lives without a heartbeat. */
    public Duration ttl() {
        return heartbeatInterval.multipliedBy(missedHeartbeats);
    }

    /** Whole seconds for {@code welcome} (at least 1). */
    public int heartbeatSeconds() {
        return (int) Math.max(1, Math.round(heartbeatInterval.toMillis() / 1000.0));
    }
}
