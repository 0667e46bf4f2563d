package io.lormas.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Edge HTTP limits and headers.
 *
 * @param maxBodySize largest request body routed upstream (413 above), unless a route's metadata sets
 *        {@code max-body-size}
 * @param contentSecurityPolicy sent on responses that have none of their own
 */
@ConfigurationProperties("lormas.gateway.http")
public record HttpSettings(@DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("frame-ancestors 'none'; object-src 'none'; base-uri 'self'") String contentSecurityPolicy) {
}
