package io.lormas.contracts.identity;

import java.util.Set;
import java.util.UUID;

import io.lormas.contracts.EventType;
import io.lormas.contracts.LormasEvent;

/**
 * A user (subuser) now holds exactly {@code permissions} on one resource; created or changed. Keyed by the
 * resource, so changes to one resource's grants arrive in order.
 *
 * @param resourceType e.g. {@code server}
 */
@EventType(name = "identity.grant.changed", stream = "identity.grant")
public record GrantChanged(UUID grantId, UUID userId, String resourceType, UUID resourceId, Set<String> permissions,
        UUID grantedBy) implements LormasEvent {

    @Override
    public String aggregateId() {
        return resourceId.toString();
    }
}
