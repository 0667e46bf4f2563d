package io.lormas.gateway.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured SPA origins, answered before authentication (a preflight carries no token). A rejected
 * cross-origin request gets a 403 problem instead of Spring's empty 403.
 */
@Component
class CorsFilter implements WebFilter, Ordered {

    private final @Nullable CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsFilter(CorsSettings settings) {
        this.configuration = settings.allowedOrigins().isEmpty() ? null : configuration(settings);
    }

    private static CorsConfiguration configuration(CorsSettings settings) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(settings.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT, "Idempotency-Key", RequestIds.HEADER, "traceparent", "tracestate"));
        configuration.setExposedHeaders(List.of(RequestIds.HEADER, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
                "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(settings.maxAge());
        return configuration;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        boolean preflight = CorsUtils.isPreFlightRequest(exchange.getRequest());
        if (configuration == null) {
            return preflight ? reject(exchange) : chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return reject(exchange);
        }
        return preflight ? exchange.getResponse().setComplete() : chain.filter(exchange);
    }

    private static Mono<Void> reject(ServerWebExchange exchange) {
        String origin = exchange.getRequest().getHeaders().getOrigin();
        return Problems.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "cors-rejected", "Cross-origin request rejected",
                "origin " + origin + " may not call this API, or not with this method or these headers"));
    }
}
