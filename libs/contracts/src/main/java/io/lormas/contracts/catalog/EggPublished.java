package io.lormas.contracts.catalog;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/**
 * A new egg, or a new version of one, is available. Servers keep the version they were created with.
 *
 * @param version increases with every import of the same egg
 */
@EventType(name = "catalog.egg.published", stream = "catalog.egg")
public record EggPublished(UUID eggId, int version, String name, @Nullable UUID nestId, EggDefinition definition)
        implements LormasEvent {

    @Override
    public String aggregateId() {
        return eggId.toString();
    }
}
