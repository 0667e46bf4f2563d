package io.lormas.deploy.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** The console endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ConsoleConfiguration implements WebSocketConfigurer {

    private final ConsoleHandler handler;
    private final ConsoleHandshake handshake;
    private final ConsoleSettings settings;

    ConsoleConfiguration(ConsoleHandler handler, ConsoleHandshake handshake, ConsoleSettings settings) {
        this.handler = handler;
        this.handshake = handshake;
        this.settings = settings;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(handler, "/api/servers/*/console")
                .addInterceptors(handshake)
                .setAllowedOriginPatterns(settings.origins().toArray(String[]::new));
    }
}
