package io.lormas.platform.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Request handling limits.
 *
 * @param maxBodyBytes largest request body accepted (413 above); default 1 MiB
 * @param idempotencyTtl how long an Idempotency-Key is remembered; default 24 h
 */
@ConfigurationProperties("lormas.web")
public record IdempotencySettings(@Nullable Long maxBodyBytes, @Nullable Duration idempotencyTtl) {

    public long maxBody() {
        return maxBodyBytes == null ? 1024 * 1024 : maxBodyBytes;
    }

    public Duration ttl() {
        return idempotencyTtl == null ? Duration.ofHours(24) : idempotencyTtl;
    }
}
