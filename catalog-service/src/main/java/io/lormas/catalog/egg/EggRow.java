package io.lormas.catalog.egg;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The head of an egg as stored: what lists show and which version is current.
 *
 * @param uuid the egg file's own identity (kept across exports and imports)
 * @param version the current version
 */
public record EggRow(UUID id, UUID uuid, @Nullable UUID nestId, String name, String author, String description,
        List<String> tags, List<String> capabilities, int version, Instant createdAt, Instant updatedAt) {
}
