package io.lormas.catalog.egg.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.lormas.catalog.egg.EggRow;

/** An egg in a list: enough to pick one; {@code GET /api/catalog/eggs/{id}} has the rest. */
record EggSummary(UUID id, UUID uuid, String name, String author, String description, @Nullable UUID nestId,
        List<String> tags, int version, Instant createdAt, Instant updatedAt) {

    static EggSummary of(EggRow row) {
        return new EggSummary(row.id(), row.uuid(), row.name(), row.author(), row.description(), row.nestId(),
                row.tags(), row.version(), row.createdAt(), row.updatedAt());
    }
}
