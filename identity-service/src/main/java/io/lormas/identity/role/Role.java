package io.lormas.identity.role;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A row of {@code role}: a named set of permissions. System roles are defined in code ({@link SystemRoles}). */
public record Role(UUID id, String name, @Nullable String description, boolean system, Instant createdAt,
        Instant updatedAt, int version) {
}
