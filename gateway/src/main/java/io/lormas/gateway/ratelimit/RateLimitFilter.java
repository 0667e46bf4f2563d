package io.lormas.gateway.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import io.lormas.gateway.ratelimit.RateLimitSettings.Bucket;
import io.lormas.gateway.ratelimit.RateLimitSettings.Limit;
import io.lormas.gateway.ratelimit.TokenBuckets.Decision;
import io.lormas.gateway.web.ClientAddress;
import io.lormas.gateway.web.Problem;
import io.lormas.gateway.web.Problems;

/**
 * Rate limits every routed request against its route's bucket: per principal ({@code sub}) when a token was
 * accepted, per client address otherwise. Answers carry {@code RateLimit-Limit}, {@code RateLimit-Remaining} and
 * {@code RateLimit-Reset} (seconds); a refusal is a 429 problem with {@code Retry-After}.
 * <p>
 * Fails open: when Redis does not answer within its timeout the request passes, unlimited, and a warning is
 * logged at most every 30 s. Losing rate limits for a while is better than losing the platform.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final String METADATA = "rate-limit-bucket";
    static final String NONE = "none";
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final long WARN_EVERY_NANOS = Duration.ofSeconds(30).toNanos();

    private final RateLimitSettings settings;
    private final TokenBuckets buckets;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

    RateLimitFilter(RateLimitSettings settings, TokenBuckets buckets) {
        this.settings = settings;
        this.buckets = buckets;
    }

    @Override
    public int getOrder() {
        // after the body limit, before breakers and retries (a retry is not another request)
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String name = bucketName(route);
        if (!settings.enabled() || NONE.equals(name)) {
            return chain.filter(exchange);
        }
        Bucket bucket = settings.bucket(name);
        return exchange.getPrincipal()
                .map(principal -> new Caller("sub:" + principal.getName(), bucket.authenticated()))
                .defaultIfEmpty(new Caller("ip:" + ClientAddress.of(exchange), bucket.anonymous()))
                .flatMap(caller -> buckets.take("lormas:ratelimit:" + name + ":" + caller.key(), caller.limit())
                        .timeout(REDIS_TIMEOUT)
                        .map(Optional::of)
                        .onErrorResume(failure -> {
                            warn(failure);
                            return Mono.just(Optional.empty());
                        }))
                .flatMap(decision -> decision.isEmpty() ? chain.filter(exchange) : apply(decision.get(), exchange, chain));
    }

    private static Mono<Void> apply(Decision decision, ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Integer.toString(decision.limit().burst()));
        headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.set("RateLimit-Reset", Long.toString(seconds(decision.resetMillis())));
        if (decision.allowed()) {
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, seconds(decision.retryAfterMillis()));
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return Problems.write(exchange, Problem.rateLimited(retryAfter)
                .with("limit", decision.limit().burst())
                .with("ratePerSecond", decision.limit().rate()));
    }

    private static String bucketName(Route route) {
        Object configured = route == null ? null : route.getMetadata().get(METADATA);
        return configured == null ? RateLimitSettings.DEFAULT : configured.toString();
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }

    private void warn(Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("rate limits are not enforced: Redis did not answer ({}); requests pass unlimited", failure.toString());
        }
    }

    private record Caller(String key, Limit limit) {
    }
}
