package io.lormas.contracts.catalog;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;
import io.lormas.contracts.Money;

/**
 * A plan was created or changed; carries its current definition.
 *
 * @param swapMib -1 for unlimited, 0 for none
 * @param ports how many ports a server of this plan gets
 * @param maxReplicas 1..10 for apps
 * @param active false means no new servers may use it
 */
@EventType(name = "catalog.plan.published", stream = "catalog.plan")
public record PlanPublished(UUID planId, int version, String name, long cpuMillis, long memoryMib, long swapMib,
        long diskMib, int ioWeight, int ports, int backups, int databases, int maxReplicas, Money hourlyPrice,
        boolean active, boolean visible) implements LormasEvent {

    @Override
    public String aggregateId() {
        return planId.toString();
    }
}
