package io.lormas.platform.security;

import java.util.Set;
import java.util.UUID;

/**
 * Per-resource grants (subusers), kept by each resource service as a projection of identity's
 * {@code identity.grant.*} events.
 */
@FunctionalInterface
public interface ResourceGrants {

    /** No grants at all: only owners and admins have access. */
    ResourceGrants NONE = (userId, type, id) -> Set.of();

    /**
     * The permissions a user was granted on one resource; empty when none. Never null.
     *
     * @param resourceType e.g. {@code server}
     */
    Set<String> permissionsOf(UUID userId, String resourceType, UUID resourceId);
}
