package io.lormas.contracts.identity;

import java.util.Set;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A role was created or its permissions changed; carries the current set. */
@EventType(name = "identity.role.changed", stream = "identity.role")
public record RoleChanged(UUID roleId, String name, Set<String> permissions, boolean system) implements LormasEvent {

    @Override
    public String aggregateId() {
        return roleId.toString();
    }
}
