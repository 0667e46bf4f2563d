package io.lormas.identity.grant;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A row of {@code resource_grant}: a subuser's access to one resource of someone else. */
public record Grant(UUID id, UUID userId, String resourceType, UUID resourceId, UUID grantedBy,
        @Nullable Instant createdAt, @Nullable Instant updatedAt, int version) {
}
