package io.lormas.gateway.security;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which request headers the edge refuses to pass on, and whom it believes about the client's address.
 *
 * @param trustedProxies regex of peer addresses (load balancers, tunnels in front of the gateway) whose
 *        {@code X-Forwarded-*} headers are kept; blank = nobody, every client-sent one is removed
 * @param stripHeaders header names removed from every request (case-insensitive): identity and address claims
 *        only the platform may make
 * @param stripHeaderPrefixes header name prefixes removed likewise (e.g. {@code X-Lormas-})
 */
@ConfigurationProperties("lormas.gateway.forwarding")
public record ForwardingSettings(@Nullable String trustedProxies, @DefaultValue List<String> stripHeaders,
        @DefaultValue List<String> stripHeaderPrefixes) {

    public ForwardingSettings {
        stripHeaders = stripHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
        stripHeaderPrefixes = stripHeaderPrefixes.stream().map(name -> name.toLowerCase(Locale.ROOT)).toList();
    }

    @Nullable Pattern trustedProxyPattern() {
        return trustedProxies == null || trustedProxies.isBlank() ? null : Pattern.compile(trustedProxies);
    }
}
