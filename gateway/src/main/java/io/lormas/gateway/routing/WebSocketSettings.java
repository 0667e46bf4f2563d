package io.lormas.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of proxied WebSocket sessions ({@code /agent/connect}, consoles). The largest frame is SCG's
 * {@code spring.cloud.gateway.server.webflux.httpclient.websocket.max-frame-payload-length}.
 *
 * @param idleTimeout a session with no frame in either direction for this long is closed with 1001
 */
@ConfigurationProperties("lormas.gateway.websocket")
public record WebSocketSettings(@DefaultValue("5m") Duration idleTimeout) {
}
