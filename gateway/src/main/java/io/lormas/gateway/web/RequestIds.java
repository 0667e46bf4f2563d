package io.lormas.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it is safe to log and echo (1-64 of
 * {@code [A-Za-z0-9._:-]}), a new UUID otherwise. The id is sent upstream (as one of SCG's header filters),
 * echoed on the response and put in problems and the access log. First of all filters, so even the earliest error
 * carries it.
 */
@Component
class RequestIds implements WebFilter, HttpHeadersFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = RequestIds.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String candidate = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = candidate != null && SAFE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        // set again just before commit: an upstream's copy must not duplicate it
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        // upstream requests get it from filter(HttpHeaders, ...) below: no copy of the request here
        return chain.filter(exchange);
    }

    /** Sets the id on requests proxied upstream, HTTP and WebSocket alike, replacing whatever the client sent. */
    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        String id = of(exchange);
        if (id == null || id.equals(input.getFirst(HEADER))) {
            return input;
        }
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        headers.set(HEADER, id);
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    /** The id of the exchange's request, once this filter has run. */
    static @Nullable String of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
