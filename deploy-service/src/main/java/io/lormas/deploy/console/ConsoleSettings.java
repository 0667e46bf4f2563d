package io.lormas.deploy.console;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param recentLines how many of the last lines a new connection gets (node-service keeps 200)
 * @param inputsPerSecond console lines one connection may send per second
 * @param accessRecheck how often open connections re-check the token's expiry and the caller's permissions
 * @param allowedOrigins browser origins allowed to open the socket; authentication is by bearer token, never by
 *        cookie, so a foreign page cannot ride on a user's session
 */
@ConfigurationProperties("lormas.deploy.console")
public record ConsoleSettings(@Nullable Integer recentLines, @Nullable Integer inputsPerSecond,
        @Nullable Duration accessRecheck, @Nullable List<String> allowedOrigins) {

    int recent() {
        return recentLines == null ? 200 : recentLines;
    }

    int inputRate() {
        return inputsPerSecond == null ? 10 : inputsPerSecond;
    }

    Duration recheck() {
        return accessRecheck == null ? Duration.ofSeconds(30) : accessRecheck;
    }

    List<String> origins() {
        return allowedOrigins == null || allowedOrigins.isEmpty() ? List.of("*") : allowedOrigins;
    }
}
