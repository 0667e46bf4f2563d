package io.lormas.gateway.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * The SPA's own handler mapping, asked after the gateway's routes (order 1) and WebFlux's router functions
     * (order -1): its catch-all GET must never shadow a route.
     */
    @Bean
    RouterFunctionMapping spaHandlerMapping(SpaFiles files, ServerCodecConfigurer codecs) {
        RouterFunctionMapping mapping = new RouterFunctionMapping(files.routes());
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        mapping.setMessageReaders(codecs.getReaders());
        return mapping;
    }
}
