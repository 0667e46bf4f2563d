package io.lormas.gateway.security;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Browsers cannot set headers on a WebSocket, so the console alone accepts its token as {@code ?access_token=}.
 * The token is moved into the Authorization header, where the edge and deploy-service validate it like any other,
 * and dropped from the URL so it reaches no upstream access log. A header, when present, wins. No other path
 * accepts a token in the URL.
 */
@Component
class ConsoleTokenRelay implements WebFilter, Ordered {

    static final String PARAMETER = "access_token";
    private static final PathPattern CONSOLE = PathPatternParser.defaultInstance.parse("/api/servers/{id}/console");

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 11;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!request.getQueryParams().containsKey(PARAMETER)
                || !CONSOLE.matches(request.getPath().pathWithinApplication())) {
            return chain.filter(exchange);
        }
        String token = request.getQueryParams().getFirst(PARAMETER);
        URI withoutToken = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam(PARAMETER).build(true).toUri();
        ServerHttpRequest relayed = request.mutate()
                .uri(withoutToken)
                .headers(headers -> {
                    if (!headers.containsHeader(HttpHeaders.AUTHORIZATION) && token != null && !token.isBlank()) {
                        headers.setBearerAuth(token);
                    }
                })
                .build();
        return chain.filter(exchange.mutate().request(relayed).build());
    }
}
