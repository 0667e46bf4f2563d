package io.lormas.catalog.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.lormas.contracts.Money;

/**
 * A plan as stored: the resources a server or app gets and its hourly price.
 *
 * @param swapMib -1 unlimited, 0 none
 * @param ioWeight relative block-IO weight, 10..1000 (Docker's blkio weight)
 * @param ports how many ports (allocations) a server of this plan gets, the first is the primary
 * @param maxReplicas instances an app may scale to, 1..10
 * @param hourlyPrice exact, at most 6 decimals, in {@code currency}
 * @param active false: no new servers may use it (existing ones keep it)
 * @param visible false: only plan managers see it (e.g. a custom plan made for one customer)
 */
public record Plan(UUID id, String name, String description, long cpuMillis, long memoryMib, long swapMib,
        long diskMib, int ioWeight, int ports, int backups, int databases, int maxReplicas, BigDecimal hourlyPrice,
        String currency, boolean active, boolean visible, int version, Instant createdAt, Instant updatedAt) {

    public Money price() {
        return Money.of(hourlyPrice, currency);
    }
}
