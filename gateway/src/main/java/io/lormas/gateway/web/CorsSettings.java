package io.lormas.gateway.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access for SPAs served from another origin than the gateway. Bearer tokens, not cookies: no
 * credentials mode.
 *
 * @param allowedOrigins exact origins ({@code https://panel.example.com}); empty = same-origin only
 * @param maxAge how long browsers may cache a preflight answer
 */
@ConfigurationProperties("lormas.gateway.cors")
public record CorsSettings(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

    public CorsSettings {
        allowedOrigins = allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
    }
}
