package io.lormas.gateway.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    /** Static: a post-processor is created before ordinary beans; the settings are looked up when first needed. */
    @Bean
    static IdleWebSocketSessions idleWebSocketSessions(ObjectProvider<WebSocketSettings> settings) {
        return new IdleWebSocketSessions(settings);
    }
}
