package io.lormas.contracts.catalog;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** No new servers may use the egg; existing ones keep their version. */
@EventType(name = "catalog.egg.removed", stream = "catalog.egg")
public record EggRemoved(UUID eggId) implements LormasEvent {

    @Override
    public String aggregateId() {
        return eggId.toString();
    }
}
