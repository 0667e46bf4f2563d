package io.lormas.contracts.catalog;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** The plan was deleted; no new servers may use it. */
@EventType(name = "catalog.plan.retired", stream = "catalog.plan")
public record PlanRetired(UUID planId) implements LormasEvent {

    @Override
    public String aggregateId() {
        return planId.toString();
    }
}
