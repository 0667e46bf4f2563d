package io.lormas.contracts.identity;

import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/** A user no longer holds any permission on the resource. */
@EventType(name = "identity.grant.revoked", stream = "identity.grant")
public record GrantRevoked(UUID grantId, UUID userId, String resourceType, UUID resourceId) implements LormasEvent {

    @Override
    public String aggregateId() {
        return resourceId.toString();
    }
}
