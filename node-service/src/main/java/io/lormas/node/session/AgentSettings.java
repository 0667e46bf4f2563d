package io.lormas.node.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The agent WebSocket endpoint.
 *
 * @param maxFrameSize a frame above this closes the session with 1009
 * @param bufferSize Tomcat's per-session message buffers (frames above it arrive in parts and are assembled up to
 *        {@code maxFrameSize}): small, so 10,000 sessions fit in little memory
 * @param malformedLimit this many malformed frames in a row close the session
 * @param sendQueueLimit frames waiting for a slow agent before its session is closed
 */
@ConfigurationProperties("lormas.node.agent")
public record AgentSettings(
        @DefaultValue("1MB") DataSize maxFrameSize,
        @DefaultValue("2KB") DataSize bufferSize,
        @DefaultValue("3") int malformedLimit,
        @DefaultValue("1000") int sendQueueLimit) {

    public AgentSettings {
        if (maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("lormas.node.agent.max-frame-size must be between 1KB and 64MB");
        }
        if (bufferSize.toBytes() < 256 || bufferSize.toBytes() > maxFrameSize.toBytes()) {
            throw new IllegalArgumentException("lormas.node.agent.buffer-size must be between 256B and max-frame-size");
        }
        if (malformedLimit < 1) {
            throw new IllegalArgumentException("lormas.node.agent.malformed-limit must be at least 1");
        }
    }
}
