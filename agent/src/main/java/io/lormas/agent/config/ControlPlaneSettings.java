package io.lormas.agent.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The WebSocket session with the control plane.
 *
 * @param maxFrameBytes larger frames from the control plane are refused with an error frame
 * @param connectTimeout opening the WebSocket and each token request
 * @param welcomeTimeout how long the agent waits for {@code welcome} after {@code hello}
 * @param heartbeatInterval used until {@code welcome} names the control plane's interval
 * @param reconnectMinDelay first delay after a lost session; doubles up to {@code reconnectMaxDelay}, with jitter
 * @param reconnectMaxDelay longest delay between two attempts
 * @param sendTimeout a frame that cannot be written in this time ends the session
 * @param outboundFrames frames queued for sending; console and stats frames are dropped first when full
 * @param allowInsecure allow http:// and ws:// to hosts other than loopback (secrets would travel in clear)
 */
@ConfigurationProperties("lormas.agent.control-plane")
public record ControlPlaneSettings(
        @Bindable(defaultValue = "1048576") int maxFrameBytes,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "15s") Duration welcomeTimeout,
        @Bindable(defaultValue = "15s") Duration heartbeatInterval,
        @Bindable(defaultValue = "1s") Duration reconnectMinDelay,
        @Bindable(defaultValue = "60s") Duration reconnectMaxDelay,
        @Bindable(defaultValue = "30s") Duration sendTimeout,
        @Bindable(defaultValue = "4096") int outboundFrames,
        @Bindable(defaultValue = "false") boolean allowInsecure) {
}
