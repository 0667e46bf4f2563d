package io.lormas.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import io.lormas.gateway.web.ClientAddress;

/**
 * Removes, before anything reads them, the headers a client could use to pass for someone else or somewhere else:
 * identity headers ({@code X-User-Id}, {@code X-Lormas-*}...), {@code Forwarded}, {@code X-Real-IP}, and every
 * {@code X-Forwarded-*} unless the peer is a trusted proxy. The gateway then adds its own X-Forwarded-* (SCG's
 * XForwardedHeadersFilter), so what services receive is what the gateway saw. Also records the client's address.
 */
@Component
class IdentityHeaderStripping implements WebFilter, Ordered {

    private static final String X_FORWARDED = "x-forwarded-";
    private static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private final ForwardingSettings settings;
    private final @Nullable Pattern trustedProxies;

    IdentityHeaderStripping(ForwardingSettings settings) {
        this.settings = settings;
        this.trustedProxies = settings.trustedProxyPattern();
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String peer = ClientAddress.peer(exchange);
        boolean trusted = trusts(peer);
        ClientAddress.remember(exchange, trusted ? clientBehind(request.getHeaders().getValuesAsList(X_FORWARDED_FOR), peer) : peer);
        List<String> spoofable = new ArrayList<>();
        for (String name : request.getHeaders().headerNames()) {
            if (spoofable(name.toLowerCase(Locale.ROOT), trusted)) {
                spoofable.add(name);
            }
        }
        if (spoofable.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest stripped = request.mutate().headers(headers -> spoofable.forEach(headers::remove)).build();
        return chain.filter(exchange.mutate().request(stripped).build());
    }

    private boolean spoofable(String name, boolean fromTrustedProxy) {
        if (name.startsWith(X_FORWARDED)) {
            return !fromTrustedProxy;
        }
        if (settings.stripHeaders().contains(name)) {
            return true;
        }
        for (String prefix : settings.stripHeaderPrefixes()) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private boolean trusts(String address) {
        return trustedProxies != null && trustedProxies.matcher(address).matches();
    }

    /**
     * The client behind a chain of trusted proxies: walking X-Forwarded-For from the right (the entries our
     * proxies appended), the first address that is not itself a trusted proxy.
     */
    String clientBehind(List<String> forwardedFor, String peer) {
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!trusts(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

}
