package io.lormas.node.session;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import io.lormas.node.presence.Presence;
import io.lormas.node.presence.PresenceSettings;

/**
 * The agent WebSocket endpoint {@code /agent/connect}: a raw handler (no STOMP), small per-session buffers, no
 * compression extension (its per-session inflater would cost far more memory than agents' small frames save),
 * an idle timeout above the heartbeat TTL.
 */
@Configuration
@EnableWebSocket
class AgentEndpoint implements WebSocketConfigurer {

    private final AgentSocketHandler handler;
    private final AgentHandshake handshake;

    AgentEndpoint(AgentSocketHandler handler, AgentHandshake handshake) {
        this.handler = handler;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/agent/connect")
                .addInterceptors(handshake)
                // Agents are not browsers and authenticate with a bearer token, never a cookie: the same-origin
                // check protects nothing here, and behind the gateway the proxy's Origin is not the public host.
                .setAllowedOriginPatterns("*")
                .setHandshakeHandler(new DefaultHandshakeHandler() {
                    @Override
                    protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request,
                            List<WebSocketExtension> requested, List<WebSocketExtension> supported) {
                        return List.of();
                    }
                });
    }

    @Bean
    ServletServerContainerFactoryBean webSocketContainer(AgentSettings settings, PresenceSettings presence) {
        ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
        int buffer = (int) settings.bufferSize().toBytes();
        container.setMaxTextMessageBufferSize(buffer);
        container.setMaxBinaryMessageBufferSize(buffer);
        // Agents send a heartbeat (and a ping) every interval: a session silent for twice the TTL is dead.
        Duration idle = presence.ttl().multipliedBy(2).plusSeconds(10);
        container.setMaxSessionIdleTimeout(idle.toMillis());
        container.setAsyncSendTimeout(Duration.ofSeconds(30).toMillis());
        return container;
    }

    /**
     * Tomcat keeps a read and a write buffer per connection (8 KiB each by default): with 10,000 agents that is
     * 160 MB for frames of a few hundred bytes. Larger frames simply take more reads.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> smallSocketBuffers(AgentSettings settings) {
        String bytes = Long.toString(settings.bufferSize().toBytes());
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setProperty("socket.appReadBufSize", bytes);
            connector.setProperty("socket.appWriteBufSize", bytes);
        });
    }

    @Bean
    RedisMessageListenerContainer sessionNotices(RedisConnectionFactory redis, LocalSessions sessions) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener(sessions, new ChannelTopic(Presence.NOTICES));
        return container;
    }
}
