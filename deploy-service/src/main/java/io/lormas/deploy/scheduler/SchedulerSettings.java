package io.lormas.deploy.scheduler;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param strategy {@code bin-pack} (default) or {@code spread}
 * @param snapshotMaxAge how old the in-memory fleet may get before it is read again (other replicas' placements
 *        become visible then; the database reservation is exact regardless)
 * @param reservationTimeout a placement not confirmed by a stored server within this time is given back (the
 *        process that made it died)
 */
@ConfigurationProperties("lormas.deploy.scheduler")
public record SchedulerSettings(@Nullable String strategy, @Nullable Duration snapshotMaxAge,
        @Nullable Duration reservationTimeout) {

    public Duration reservationTimeoutOrDefault() {
        return reservationTimeout == null ? Duration.ofMinutes(1) : reservationTimeout;
    }

    public Strategy strategyOrDefault() {
        return strategy == null || strategy.isBlank() ? Strategy.BIN_PACK : Strategy.parse(strategy);
    }

    public Duration maxAge() {
        return snapshotMaxAge == null ? Duration.ofSeconds(2) : snapshotMaxAge;
    }
}
