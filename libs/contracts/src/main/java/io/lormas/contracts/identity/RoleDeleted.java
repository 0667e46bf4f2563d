package io.lormas.contracts.identity;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A custom role was removed. */
@EventType(name = "identity.role.deleted", stream = "identity.role")
public record RoleDeleted(UUID roleId, String name) implements LormasEvent {

    @Override
    public String aggregateId() {
        return roleId.toString();
    }
}
