package io.lormas.gateway.ratelimit;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets by name. A route picks one with its metadata {@code rate-limit-bucket} ({@code default} otherwise,
 * {@code none} for no limit); within a bucket, authenticated callers are counted per principal (token {@code sub})
 * and anonymous callers per client address.
 *
 * @param enabled false turns rate limiting off
 * @param buckets the buckets; {@code default} must exist
 */
@ConfigurationProperties("lormas.gateway.rate-limit")
public record RateLimitSettings(@DefaultValue("true") boolean enabled, Map<String, Bucket> buckets) {

    public static final String DEFAULT = "default";

    public RateLimitSettings {
        buckets = Map.copyOf(buckets);
        if (!buckets.containsKey(DEFAULT)) {
            throw new IllegalStateException("lormas.gateway.rate-limit.buckets.default is missing");
        }
    }

    /** The named bucket, or the default one for a name nobody configured. */
    public Bucket bucket(String name) {
        return buckets.getOrDefault(name, buckets.get(DEFAULT));
    }

    /** The limits of one bucket for each kind of caller. */
    public record Bucket(Limit anonymous, Limit authenticated) {
    }

    /**
     * @param rate tokens added per second: the sustained requests per second (may be fractional: 0.5 = one
     *        request every 2 s)
     * @param burst the bucket's capacity: how many requests may arrive at once
     */
    public record Limit(double rate, int burst) {

        public Limit {
            if (!(rate > 0) || burst < 1) {
                throw new IllegalStateException("rate-limit rate must be above 0 and burst at least 1");
            }
        }
    }
}
