package io.lormas.gateway.ratelimit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import io.lormas.gateway.ratelimit.RateLimitSettings.Limit;

/**
 * Token buckets in Redis, one atomic script call per request (see {@code token_bucket.lua}), over one Lettuce
 * connection of our own rather than Spring Data's: that one connects synchronously on first use, which would block
 * an event loop for the connect timeout on every request while Redis is unreachable. Here connecting is always
 * asynchronous, and while Redis is away commands fail at once (Lettuce's {@code REJECT_COMMANDS}) instead of
 * queueing, so the gateway fails open without waiting. Standalone Redis ({@code spring.data.redis.host/port/
 * database/username/password/ssl}).
 */
@Component
class TokenBuckets implements DisposableBean {

    private static final String SCRIPT = load();
    private static final String SHA = sha1(SCRIPT);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(2);

    private final RedisClient client;
    private final RedisURI uri;
    private final AtomicReference<@Nullable StatefulRedisConnection<String, String>> connection = new AtomicReference<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile long notBefore = System.nanoTime();

    TokenBuckets(ClientResources resources, DataRedisConnectionDetails redis, DataRedisProperties properties) {
        Duration commandTimeout = properties.getTimeout() != null ? properties.getTimeout() : Duration.ofMillis(500);
        Duration connectTimeout = properties.getConnectTimeout() != null ? properties.getConnectTimeout()
                : Duration.ofSeconds(1);
        RedisURI.Builder builder = RedisURI.builder()
                .withHost(redis.getStandalone().getHost())
                .withPort(redis.getStandalone().getPort())
                .withDatabase(redis.getStandalone().getDatabase())
                .withSsl(redis.getSslBundle() != null || properties.getSsl().isEnabled())
                .withTimeout(commandTimeout);
        if (redis.getPassword() != null && !redis.getPassword().isEmpty()) {
            if (redis.getUsername() != null && !redis.getUsername().isEmpty()) {
                builder.withAuthentication(redis.getUsername(), redis.getPassword());
            } else {
                builder.withPassword(redis.getPassword().toCharArray());
            }
        }
        this.uri = builder.build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
        connect();
    }

    /** Takes one token from the bucket at {@code key}; errors at once when Redis is not reachable. */
    Mono<Decision> take(String key, Limit limit) {
        StatefulRedisConnection<String, String> redis = connection.get();
        if (redis == null) {
            connect();
            return Mono.error(new IllegalStateException("not connected to Redis at " + uri.getHost() + ":" + uri.getPort()));
        }
        String[] keys = { key };
        String[] args = { Double.toString(limit.rate()), Integer.toString(limit.burst()), "1" };
        return redis.reactive().<List<Object>>evalsha(SHA, ScriptOutputType.MULTI, keys, args)
                // the first call after a Redis restart: the script is not cached there yet
                .onErrorResume(RedisNoScriptException.class,
                        missing -> redis.reactive().<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args))
                .next()
                .map(result -> new Decision(number(result, 0) == 1, number(result, 1), number(result, 2),
                        number(result, 3), limit));
    }

    private void connect() {
        if (System.nanoTime() - notBefore < 0 || !connecting.compareAndSet(false, true)) {
            return;
        }
        client.connectAsync(StringCodec.UTF8, uri).whenComplete((redis, failure) -> {
            if (failure == null) {
                connection.set(redis);
            } else {
                notBefore = System.nanoTime() + RECONNECT_EVERY.toNanos();
            }
            connecting.set(false);
        });
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<String, String> redis = connection.getAndSet(null);
        if (redis != null) {
            redis.close();
        }
        // the ClientResources are Boot's: shutting the client down leaves them alone
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }

    private static long number(List<Object> result, int index) {
        return ((Number) result.get(index)).longValue();
    }

    private static String load() {
        try {
            return new ClassPathResource("io/lormas/gateway/ratelimit/token_bucket.lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("token_bucket.lua is missing from the gateway's classpath", e);
        }
    }

    /** The script's id in Redis' script cache. */
    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param remaining whole tokens left after this request
     * @param retryAfterMillis when refused, how long until one token is back
     * @param resetMillis how long until the bucket is full again
     */
    record Decision(boolean allowed, long remaining, long retryAfterMillis, long resetMillis, Limit limit) {
    }
}
