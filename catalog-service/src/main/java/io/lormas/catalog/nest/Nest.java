package io.lormas.catalog.nest;

import java.time.Instant;
import java.util.UUID;

/** A category of eggs (a Pterodactyl nest), as stored. */
public record Nest(UUID id, String name, String description, Instant createdAt, Instant updatedAt, int version) {
}
